using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>Every internal link and anchor of the output is checked, and a broken one is an error at its
/// Markdown position; external links are only checked to be well-formed (issue 5).</summary>
public sealed class LinkCheckTests
{
    [Fact]
    public void Broken_page_asset_and_fragment_links_are_errors_at_their_positions()
    {
        using var site = new TestSite()
            .With("content/other.md", TestSite.Article("## A heading\n"))
            .With("content/a.md", TestSite.Article("""
                [fine](../other/) and [fine too](../other/#a-heading) and [here](#top-anchor)
                [missing page](../nope/) and [missing image](../assets/nope.png)
                [missing anchor](../other/#no-such-id) and [bad self anchor](#nowhere)
                [malformed](https://) and [note anchor](#a--note-zz)
                <a id="top-anchor"></a>
                """, extra: ""))
            .With("content/site.yml", "title: T\nallow_html: true\n");

        var build = site.Build();

        DiagnosticAssert.Exactly(
            build.Diagnostics,
            ("content/a.md(6,1): error SITE050:", "'../nope/' points to a page or file that does not exist"),
            ("content/a.md(6,30): error SITE050:", "'../assets/nope.png'"),
            ("content/a.md(7,1): error SITE051:", "'#no-such-id' has no matching id on other/index.html"),
            ("content/a.md(7,44): error SITE051:", "'#nowhere' has no matching id on this page"),
            ("content/a.md(8,1): error SITE052:", "malformed URL"),
            ("content/a.md(8,27): error SITE051:", "'#a--note-zz'"));
    }

    [Fact]
    public void Note_and_back_link_anchors_of_a_clean_site_all_resolve()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article("One[^x], two[^x] and [a phrase]{^y}.\n\n[^x]: X.\n\n[^y]: Y.\n"));
        var build = site.Build();
        Assert.True(build.Result.Published, build.ToString());
        Assert.Empty(build.Diagnostics);
    }

    [Fact]
    public void A_broken_link_in_a_template_is_reported_at_the_page()
    {
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article())
            .With("templates/article.html", "<article><a href=\"../missing.css\">x</a>{{ article.body }}</article>\n");

        var build = site.Build();

        var error = Assert.Single(build.Diagnostics);
        Assert.StartsWith("content/a.md: error SITE050: link '../missing.css'", error, StringComparison.Ordinal);
        Assert.Contains("from a template", error);
    }
}
