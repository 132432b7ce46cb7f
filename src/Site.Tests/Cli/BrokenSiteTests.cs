using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>The acceptance check of issue 2: a site with an undefined note, a duplicate note and a
/// javascript: link fails with exit code 1, each problem at its exact line and column.</summary>
public sealed class BrokenSiteTests
{
    private const string Article = """
        ---
        title: Broken
        date: 2024-01-02
        ---

        The toll was disputed.[^toll] Officials spoke.[^source]

        See [the statement](javascript:alert(1)).

        [^source]: The ministry.

        [^source]: The ministry, again.

        """;

    [Fact]
    public async Task Undefined_note_duplicate_note_and_javascript_link_exit_1_at_their_positions()
    {
        using var site = new TestSite().With("content/x.md", Article);

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [
                "content/x.md(6,23): error SITE012: annotation [^toll] has no definition",
                "content/x.md(8,5): error SITE020: link to 'javascript:alert(1)' is not allowed: use http, https, mailto, a relative path or a #fragment",
                "content/x.md(12,1): error SITE011: annotation [^source] is defined twice; the first definition is at line 10",
            ],
            run.StderrLines);
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Fact]
    public async Task A_failed_article_causes_no_errors_in_other_files()
    {
        using var site = new TestSite()
            .With("content/x.md", Article)
            .With("templates/index.html", "<ul>\n{{~ for a in articles }}\n<li><a href=\"{{ a.url }}\">{{ a.title }}</a></li>\n{{~ end }}\n</ul>\n");

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.All(run.StderrLines, line => Assert.StartsWith("content/x.md(", line, StringComparison.Ordinal));
    }
}
