using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>What a new user writes in content/ on the first day, run through the real program (issue 13):
/// each mistake with the right reason at the right place, and the files that are not articles left alone.</summary>
public sealed class NewUserContentTests
{
    [Fact]
    public async Task Each_first_day_mistake_is_reported_with_its_real_reason_at_its_place()
    {
        using var site = new TestSite()
            .With("content/reserved.md", TestSite.Article(extra: "slug: assets\n"))
            .With("content/assets.md", TestSite.Article())
            .With("content/local-time.md", TestSite.Article(date: "2024-01-02T10:00"))
            .With("content/tabbed.md", "---\ntitle: A title\ndate: 2024-01-02\nsummary: fine\n\ttags: [a]\n---\nBody.\n");

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        DiagnosticAssert.Exactly(run.StderrLines,
            ("content/assets.md(1,1): error SITE006:", "the file name gives the slug 'assets', which is reserved"),
            ("content/local-time.md(3,7): error SITE005:", "has a time but no offset, which is required"),
            ("content/reserved.md(4,7): error SITE006:", "slug 'assets' is reserved"),
            ("content/tabbed.md(5,1): error SITE002:", "a tab indents this line"));
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Fact]
    public async Task Editors_notes_a_decomposed_slug_and_a_wrapped_sources_file_build_cleanly()
    {
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article("Said so.[^n]\n\n[^n]: As reported [@hrw].\n", extra: "slug: cafe\u0301\n"))
            .With("content/README.md", "# For the desk\n\nNo front matter here.\n")
            .With("content/_style-guide.md", "Write short sentences.\n")
            .With("content/_drafts-ideas/one.md", "An idea.\n")
            .With("content/sources.yml", "sources:\n  hrw:\n    title: Report\n    publisher: HRW\n    url: https://example.org/r\n");

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        Assert.True(File.Exists(site.Path("output/caf\u00e9/index.html")), "the slug is composed to NFC");
        Assert.Contains("HRW", File.ReadAllText(site.Path("output/caf\u00e9/index.html")), StringComparison.Ordinal);
        Assert.Equal(["caf\u00e9"], Directory.GetDirectories(site.OutputDir).Select(Path.GetFileName));
    }
}
