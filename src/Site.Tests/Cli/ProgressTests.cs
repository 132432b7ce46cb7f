using System.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>Progress shows on an interactive terminal, through a pseudo-terminal made by util-linux's
/// script(1), and never with --quiet; redirected output never has it (every other CLI test reads a pipe
/// and expects exactly the report).</summary>
public sealed class ProgressTests
{
    private const string Erase = "\r\u001b[2K";

    [Fact]
    public async Task A_build_on_a_terminal_shows_progress_and_erases_it_before_the_report()
    {
        using var site = new TestSite().With("content/first.md", TestSite.Article(title: "First"));

        var shown = await OnTerminal(site.Root, "build");

        Assert.Contains($"{Erase}site: building: 0 of 1 article(s)", shown, StringComparison.Ordinal);
        Assert.Contains($"{Erase}Build wrote 2 pages to output", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_and_CI_show_no_progress_even_on_a_terminal()
    {
        using var site = new TestSite().With("content/first.md", TestSite.Article(title: "First"));

        var quiet = await OnTerminal(site.Root, "build --quiet");
        var ci = await OnTerminal(site.Root, "build", ci: true);

        Assert.DoesNotContain("building", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("building", ci, StringComparison.Ordinal);
        Assert.Contains("Build wrote 2 pages", ci, StringComparison.Ordinal);
    }

    /// <summary>What a terminal receives from <c>site ARGS</c> run in <paramref name="folder"/>.</summary>
    private static async Task<string> OnTerminal(string folder, string args, bool ci = false)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var site = Path.Combine(AppContext.BaseDirectory, "site.dll");
        var start = new ProcessStartInfo("script") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "--quiet", "--return", "--command", $"'{host}' '{site}' {args}", "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }
        // The tests run under CI=true; a terminal outside CI is what this checks.
        start.Environment.Remove("CI");
        if (ci)
        {
            start.Environment["CI"] = "true";
        }
        start.Environment["TERM"] = "xterm";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"script exited with {process.ExitCode}: {await output}{await process.StandardError.ReadToEndAsync()}");
        return await output;
    }
}
