using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Site.Tests.Support;

/// <summary>
/// A run of <c>site build</c> held at one phase of publishing its output by the SITE_TEST_PAUSE seam
/// (see OutputStaging): it has printed "site: test pause at PHASE" and waits, so a test can look at the
/// folders, then kill it, signal it or let it go on, at exactly that point, every run.
/// </summary>
internal sealed class PausedBuild : IDisposable
{
    /// <summary>A guard against a hang, not a speed requirement.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly string _stderrBefore;
    private readonly Task<string> _stderr;

    private PausedBuild(Process process, Task<string> stdout, string stderrBefore)
    {
        _process = process;
        _stdout = stdout;
        _stderrBefore = stderrBefore;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The build's process id, which names its staging folder.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts <c>site build</c> in <paramref name="root"/> and returns once it is paused at
    /// <paramref name="phase"/>; fails the test if the build ends without reaching it.</summary>
    public static async Task<PausedBuild> StartAsync(string root, string phase, params string[] args)
    {
        var process = SiteProcess.Start(root, ["build", .. args], new Dictionary<string, string> { ["SITE_TEST_PAUSE"] = phase }, SiteProcess.AsFromATerminal);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var before = new StringBuilder();
        try
        {
            while (await process.StandardError.ReadLineAsync().WaitAsync(HangGuard) is { } line)
            {
                if (line == $"site: test pause at {phase}")
                {
                    return new PausedBuild(process, stdout, before.ToString());
                }
                before.AppendLine(line);
            }
        }
        catch (TimeoutException)
        {
            process.Kill();
            throw new TimeoutException($"the build neither paused at '{phase}' nor ended within {HangGuard.TotalSeconds} s");
        }
        await process.WaitForExitAsync().WaitAsync(HangGuard);
        var exitCode = process.ExitCode;
        process.Dispose();
        throw new Xunit.Sdk.XunitException(
            $"the build ended (exit code {exitCode}) without pausing at '{phase}': it never went through that phase\n--- stdout\n{await stdout}--- stderr\n{before}");
    }

    /// <summary>SIGKILL: the process ends at once, with no chance to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync().WaitAsync(HangGuard);
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. "INT", "TERM") and waits for the build to end.</summary>
    public async Task<ProcessResult> SignalAsync(string signal)
    {
        using (var kill = Process.Start("kill", [$"-{signal}", _process.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync().WaitAsync(HangGuard);
            Assert.Equal(0, kill.ExitCode);
        }
        return await EndAsync();
    }

    /// <summary>Lets the build go on from the pause and waits for it to end.</summary>
    public async Task<ProcessResult> ResumeAsync()
    {
        await _process.StandardInput.WriteLineAsync();
        _process.StandardInput.Close();
        return await EndAsync();
    }

    private async Task<ProcessResult> EndAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(HangGuard);
        return new ProcessResult(_process.ExitCode, await _stdout, _stderrBefore + await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
    }
}
