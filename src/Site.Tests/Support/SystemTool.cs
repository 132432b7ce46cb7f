using System.Diagnostics;

namespace Site.Tests.Support;

/// <summary>Runs a system tool (stat, mkfifo, id…) that a test needs for a fact .NET does not expose.</summary>
internal static class SystemTool
{
    /// <summary>A guard against a hang, not a speed requirement.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="tool"/> and returns its stdout; fails the test unless it exits 0.</summary>
    public static async Task<string> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(HangGuard);
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
