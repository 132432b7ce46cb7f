using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>One mistake, one report: a page that failed is not also reported as missing by every link to
/// it (issue 13, item 11).</summary>
public sealed class ErrorCascadeTests
{
    [Fact]
    public async Task A_runtime_error_in_the_index_template_is_reported_alone_not_as_broken_links_from_every_article()
    {
        using var site = new TestSite()
            .With("content/first.md", TestSite.Article(title: "First"))
            .With("content/second.md", TestSite.Article(title: "Second"))
            .With("templates/article.html", "<p><a href=\"../\">All articles</a></p>\n{{ article.body }}\n")
            .With("templates/index.html", "<ul>\n{{ for a in articles }}<li>{{ a.titel }}</li>{{ end }}\n</ul>\n");

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        DiagnosticAssert.Exactly(run.StderrLines, ("templates/index.html(2,33): error SITE031:", "titel"));
    }
}
