using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Site.Benchmarks.Harness;

/// <summary>One timed process run. Wall time is measured here (Stopwatch around start→exit); CPU time
/// and peak RSS come from GNU time's rusage of the child.</summary>
internal sealed record Sample(double WallSeconds, double UserSeconds, double SystemSeconds, long PeakRssKb, int ExitCode, string Output)
{
    public double CpuSeconds => UserSeconds + SystemSeconds;

    /// <summary>How busy the machine was with other work just before the run (0–1).</summary>
    public double BusyBefore { get; init; } = double.NaN;

    /// <summary>The share of the machine's CPU capacity that other processes used during the run (0–1):
    /// all CPU time spent meanwhile (from /proc/stat) minus this run's own.</summary>
    public double OthersDuring { get; init; } = double.NaN;

    public double PeakRssMb => PeakRssKb / 1024.0;
}

internal static class ProcessRunner
{
    public const string GnuTime = "/usr/bin/time";

    /// <summary>Runs <paramref name="command"/> under GNU time and waits for it.</summary>
    public static Sample Measure(IReadOnlyList<string> command, string workingDirectory, TimeSpan timeout)
    {
        var timeFile = Path.Combine(Path.GetTempPath(), $"site-bench-time-{Environment.ProcessId}.txt");
        File.Delete(timeFile);
        var arguments = new List<string> { "-f", "%e %U %S %M", "-o", timeFile };
        arguments.AddRange(command);
        var before = Machine.ReadCpu();
        var (exitCode, output, wall) = Run(GnuTime, arguments, workingDirectory, timeout);
        var after = Machine.ReadCpu();
        var fields = File.Exists(timeFile) ? File.ReadAllLines(timeFile).LastOrDefault(l => l.Length > 0)?.Split(' ') : null;
        File.Delete(timeFile);
        if (fields is not { Length: 4 })
        {
            throw new InvalidOperationException($"GNU time wrote no figures for: {string.Join(' ', command)}\n{output}");
        }
        var inv = CultureInfo.InvariantCulture;
        var sample = new Sample(wall, double.Parse(fields[1], inv), double.Parse(fields[2], inv), long.Parse(fields[3], inv), exitCode, output);
        var others = Machine.BusySeconds(before, after) - sample.CpuSeconds;
        return sample with { OthersDuring = Math.Max(0, others) / (wall * Environment.ProcessorCount) };
    }

    /// <summary>Runs a process to completion, capturing stdout and stderr together.</summary>
    public static (int ExitCode, string Output, double WallSeconds) Run(string file, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}");
        }
        var wall = clock.Elapsed.TotalSeconds;
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString(), wall);
        }
    }

    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
