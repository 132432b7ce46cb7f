using System.Diagnostics;

namespace Site.Tests.Support;

internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Lines(Stdout);

    public string[] StderrLines => Lines(Stderr);

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}

/// <summary>
/// Runs the real program, <c>dotnet site.dll</c>, in a working directory of the test's choosing: the
/// test process's own current directory is shared by tests running in parallel, so it is never changed.
/// </summary>
internal static class SiteProcess
{
    /// <summary>A guard against a hung build, not a speed requirement.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(120);

    public static async Task<ProcessResult> RunAsync(
        string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? runAs = null)
    {
        using var process = Start(workingDirectory, args, environment, runAs);
        process.StandardInput.Close();
        var cancellation = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(HangGuard);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"site {string.Join(' ', args)} did not finish within {HangGuard.TotalSeconds} s");
        }
        return new ProcessResult(process.ExitCode, Normalize(await stdout), Normalize(await stderr));
    }

    /// <summary>Starts the program and leaves it running, with stdin, stdout and stderr redirected, for tests
    /// that stop it themselves (a kill, Ctrl+C, a server). Its stdin stays open until the test closes it.</summary>
    /// <param name="runAs">A command the program is run through, such as setpriv to another user; none when empty.</param>
    public static Process Start(
        string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? runAs = null)
    {
        string[] command = [.. runAs ?? [], DotnetHost(), Path.Combine(AppContext.BaseDirectory, "site.dll")];
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1).Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>
    /// For tests of Ctrl+C: runs the program with SIGINT at its default disposition, as from a terminal. A
    /// process inherits an ignored SIGINT (a shell without job control ignores it in every background
    /// job, `dotnet test &amp;` included), and then no SIGINT reaches it, by design of Unix, not of Site.
    /// </summary>
    public static readonly IReadOnlyList<string> AsFromATerminal = ["env", "--default-signal=INT"];

    /// <summary>The dotnet host that runs the tests (set by the SDK), so the same runtime runs the program.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Normalize(string text) => text.ReplaceLineEndings("\n");
}
