using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>SITE_PHASES=1, the developer's view of where a build's time goes (issue 16): every phase, in order,
/// on stderr; nothing of it without the variable.</summary>
public sealed class BuildPhasesTests
{
    [Fact]
    public async Task With_SITE_PHASES_set_a_build_prints_each_phase_on_stderr_and_without_it_nothing()
    {
        using var site = new TestSite().WithDefaultTheme().With("content/story.md", TestSite.Article("Text.\n", title: "Story"));

        var timed = await SiteProcess.RunAsync(site.Root, ["build", "--quiet"], new Dictionary<string, string> { ["SITE_PHASES"] = "1" });
        var quiet = await SiteProcess.RunAsync(site.Root, ["build", "--quiet"]);

        Assert.True(timed.ExitCode == 0, timed.ToString());
        string[] phases = ["cache read", "staging begun", "content loaded", "site loaded", "render inputs", "articles", "claims.json", "listings",
            "assets", "link check", "commit", "output manifest", "cache save"];
        var printed = timed.StderrLines.Select(line => line.StartsWith("site: phase ", StringComparison.Ordinal)
            ? line["site: phase ".Length..line.IndexOf(" wall ", StringComparison.Ordinal)].Trim() : line).ToArray();
        Assert.Equal(phases, printed);
        Assert.All(timed.StderrLines, line => Assert.Matches(@" wall +\d+\.\d ms  cpu +\d+\.\d ms  allocated +\d+ MB  heap +\d+ MB  peak rss +\d+ MB$", line));
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Empty(quiet.StderrLines);
    }
}
