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

    /// <summary>A publish build carries an unchanged page and, when no file or id of the site changed, what the last
    /// check of its links found (issue 16): a page's links are checked again whenever what they point to may have changed.</summary>
    [Fact]
    public async Task A_carried_page_s_link_is_reported_when_its_target_or_anchor_goes_and_clears_when_it_comes_back()
    {
        using var site = new TestSite()
            .With("content/other.md", TestSite.Article("## A heading\n", title: "Other"))
            .With("content/story.md", TestSite.Article("See [the other](../other/) and [its heading](../other/#a-heading).\n", title: "Story"));
        var first = await site.RunAsync("build");
        Assert.True(first.ExitCode == 0, first.ToString());
        var story = site.Path("output/story/index.html");
        var written = File.GetLastWriteTimeUtc(story);

        site.With("content/other.md", TestSite.Article("## Another heading\n", title: "Other"));
        var anchorGone = await site.RunAsync("build");

        Assert.True(anchorGone.ExitCode == 1, anchorGone.ToString());
        DiagnosticAssert.Exactly(anchorGone.StderrLines, ("content/story.md(5,32): error SITE051:", "link to '#a-heading' has no matching id on other/index.html"));

        site.With("content/other.md", TestSite.Article("## A heading\n", title: "Other"));
        var back = await site.RunAsync("build");

        Assert.True(back.ExitCode == 0, back.ToString());
        Assert.Empty(back.StderrLines);
        Assert.Equal(written, File.GetLastWriteTimeUtc(story));

        site.Without("content/other.md");
        var targetGone = await site.RunAsync("build");

        Assert.True(targetGone.ExitCode == 1, targetGone.ToString());
        DiagnosticAssert.Exactly(targetGone.StderrLines,
            ("content/story.md(5,5): error SITE050:", "link '../other/' points to a page or file that does not exist"),
            ("content/story.md(5,32): error SITE050:", "link '../other/#a-heading' points to a page or file that does not exist"));

        site.With("content/other.md", TestSite.Article("## A heading\n", title: "Other"));
        var added = await site.RunAsync("build");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Empty(added.StderrLines);
        // Carried all along: the story's page is the file the first build wrote.
        Assert.Equal(written, File.GetLastWriteTimeUtc(story));
    }

    /// <summary>A warning about a carried page's link is kept with it in the build cache: a build in which nothing
    /// changed reports it again, and the build in which the target is published no longer does.</summary>
    [Fact]
    public async Task A_warning_about_a_carried_page_s_link_is_reported_by_every_build_until_its_target_is_published()
    {
        using var site = new TestSite()
            .With("content/story.md", TestSite.Article("See [the follow-up](../follow-up/).\n", title: "Story", date: "2024-05-01"))
            .With("content/follow-up.md", TestSite.Article(title: "Follow-up", date: "2024-06-02"));
        var before = new Dictionary<string, string> { ["SITE_NOW"] = "2024-06-01T12:00:00Z" };
        var warning = ("content/story.md(5,5): warning SITE059:", "link '../follow-up/' points to content/follow-up.md, dated 2024-06-02 and held back until then");

        var first = await SiteProcess.RunAsync(site.Root, ["build"], before);
        var again = await SiteProcess.RunAsync(site.Root, ["build"], before);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        DiagnosticAssert.Exactly(first.StderrLines, warning);
        DiagnosticAssert.Exactly(again.StderrLines, warning);

        var onTheDay = await SiteProcess.RunAsync(site.Root, ["build"], new Dictionary<string, string> { ["SITE_NOW"] = "2024-06-02T00:00:00Z" });

        Assert.True(onTheDay.ExitCode == 0, onTheDay.ToString());
        Assert.Empty(onTheDay.StderrLines);

        var strict = await SiteProcess.RunAsync(site.Root, ["build", "--strict"], before);

        Assert.True(strict.ExitCode == 1, strict.ToString());
    }
}
