using Site.Tests.Preview;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>Drafts and articles dated in the future (issue 13, items 5 and 6), with the default theme and a
/// base URL, so the feed and the sitemap are written: the real program on a real folder.</summary>
public sealed class DraftsAndFutureTests
{
    private const string BrokenDraft = "---\ntitle: Unfinished story\ndate: 2024-01-03\ndraft: true\n---\nA claim.[^missing]\n";

    private static TestSite DefaultThemeSite()
    {
        var site = new TestSite().WithDefaultTheme().With("content/site.yml", "title: Test site\nbase_url: https://example.org/news/\n");
        return site.With("content/story.md", TestSite.Article("Published text.\n", title: "Published story"));
    }

    [Fact]
    public async Task A_draft_is_checked_without_drafts_and_with_drafts_is_marked_noindex_and_kept_out_of_feed_and_sitemap()
    {
        using var site = DefaultThemeSite().With("content/unfinished.md", BrokenDraft);

        var unchecked_ = await site.RunAsync("build");

        Assert.True(unchecked_.ExitCode == 1, unchecked_.ToString());
        DiagnosticAssert.Exactly(unchecked_.StderrLines, ("content/unfinished.md(6,9): error SITE012:", "annotation [^missing] has no definition"));

        site.With("content/unfinished.md", BrokenDraft + "\n[^missing]: Now defined.\n");
        var held = await site.RunAsync("build");

        Assert.True(held.ExitCode == 0, held.ToString());
        Assert.Contains("holding back 1 draft (--drafts):", held.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Path("output/unfinished")));

        var drafts = await site.RunAsync("build", "--drafts");

        Assert.True(drafts.ExitCode == 0, drafts.ToString());
        var draftPage = File.ReadAllText(site.Path("output/unfinished/index.html"));
        Assert.Contains("<p class=\"draft-banner\" role=\"note\">Draft: not published</p>", draftPage, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", draftPage, StringComparison.Ordinal);
        Assert.DoesNotContain("noindex", File.ReadAllText(site.Path("output/story/index.html")), StringComparison.Ordinal);
        Assert.Contains("<span class=\"draft-mark\">(draft)</span>", File.ReadAllText(site.Path("output/index.html")), StringComparison.Ordinal);
        foreach (var searchable in new[] { "feed.xml", "sitemap.xml" })
        {
            var text = File.ReadAllText(site.Path($"output/{searchable}"));
            Assert.Contains("https://example.org/news/story/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("unfinished", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_russian_draft_is_marked_in_russian_on_its_page_and_in_the_list()
    {
        using var site = DefaultThemeSite().With("content/site.yml", "title: Test site\nlanguage: ru\n")
            .With("content/unfinished.md", BrokenDraft + "\n[^missing]: Now defined.\n");

        var drafts = await site.RunAsync("build", "--drafts");

        Assert.True(drafts.ExitCode == 0, drafts.ToString());
        Assert.Contains("<p class=\"draft-banner\" role=\"note\">Черновик: не опубликовано</p>", File.ReadAllText(site.Path("output/unfinished/index.html")), StringComparison.Ordinal);
        Assert.Contains("<span class=\"draft-mark\">(черновик)</span>", File.ReadAllText(site.Path("output/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Articles_dated_after_now_wait_for_their_date_unless_future_is_given()
    {
        using var site = DefaultThemeSite()
            .With("content/tomorrow.md", TestSite.Article(title: "Tomorrow", date: "2024-06-02"))
            .With("content/in-an-hour.md", TestSite.Article(title: "In an hour", date: "2024-06-01T13:00:00Z"))
            .With("content/an-hour-ago.md", TestSite.Article(title: "An hour ago", date: "2024-06-01T14:00:00+03:00"));
        var now = new Dictionary<string, string> { ["SITE_NOW"] = "2024-06-01T12:00:00Z" };

        var held = await SiteProcess.RunAsync(site.Root, ["build"], now);

        Assert.True(held.ExitCode == 0, held.ToString());
        // 9 pages (index, 404, two articles and the default theme's listings: tags, archive and its month, fact-checks),
        // 8 other files (feed, sitemap, robots.txt, claims.json, two annotations.json, two assets).
        Assert.StartsWith("Build wrote 9 pages and 8 other files to output, holding back 2 future-dated articles (--future): 0 warnings, 0 errors in ", held.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(site.Path("output/an-hour-ago")));
        Assert.False(Directory.Exists(site.Path("output/tomorrow")));
        Assert.False(Directory.Exists(site.Path("output/in-an-hour")));
        Assert.DoesNotContain("Tomorrow", File.ReadAllText(site.Path("output/feed.xml")), StringComparison.Ordinal);

        var future = await SiteProcess.RunAsync(site.Root, ["build", "--future"], now);

        Assert.True(future.ExitCode == 0, future.ToString());
        Assert.True(File.Exists(site.Path("output/tomorrow/index.html")));
        Assert.True(File.Exists(site.Path("output/in-an-hour/index.html")));
        Assert.DoesNotContain("holding back", future.Stdout, StringComparison.Ordinal);

        var badClock = await SiteProcess.RunAsync(site.Root, ["build"], new Dictionary<string, string> { ["SITE_NOW"] = "tomorrow" });
        Assert.True(badClock.ExitCode == 2, badClock.ToString());
        Assert.Equal(["site: error: SITE_NOW must be a date and time with an offset, like 2024-01-31T09:30:00Z, not 'tomorrow'"], badClock.StderrLines);
    }

    [Fact]
    public async Task A_link_to_an_article_held_back_until_its_date_is_a_warning_and_to_an_unpublished_draft_an_error()
    {
        using var site = DefaultThemeSite()
            .With("content/story.md", TestSite.Article("See [the follow-up](../follow-up/).\n", title: "Published story", date: "2024-05-01"))
            .With("content/follow-up.md", TestSite.Article(title: "Follow-up", date: "2024-06-02"));
        var now = new Dictionary<string, string> { ["SITE_NOW"] = "2024-06-01T12:00:00Z" };

        var early = await SiteProcess.RunAsync(site.Root, ["build"], now);

        Assert.True(early.ExitCode == 0, early.ToString());
        DiagnosticAssert.Exactly(early.StderrLines, ("content/story.md(5,5): warning SITE059:",
            "link '../follow-up/' points to content/follow-up.md, dated 2024-06-02 and held back until then (--future): the link is broken until a build on or after that date"));
        Assert.True(File.Exists(site.Path("output/story/index.html")));
        Assert.False(Directory.Exists(site.Path("output/follow-up")));

        var onTheDay = await SiteProcess.RunAsync(site.Root, ["build"], new Dictionary<string, string> { ["SITE_NOW"] = "2024-06-02T00:00:00Z" });

        Assert.True(onTheDay.ExitCode == 0, onTheDay.ToString());
        Assert.Empty(onTheDay.StderrLines);

        site.With("content/follow-up.md", TestSite.Article(title: "Follow-up", date: "2024-05-02", extra: "draft: true\n"));
        var draft = await SiteProcess.RunAsync(site.Root, ["build"], now);

        Assert.True(draft.ExitCode == 1, draft.ToString());
        DiagnosticAssert.Exactly(draft.StderrLines, ("content/story.md(5,5): error SITE050:",
            "link '../follow-up/' points to content/follow-up.md, a draft this build does not publish (--drafts)"));
    }

    [Fact]
    public async Task The_preview_shows_an_embargoed_article_before_its_date()
    {
        await using var host = await PreviewHost.StartAsync(articles: 1, arrange: folder =>
            folder.Write("content/embargoed.md", "---\ntitle: Embargoed\ndate: 9999-12-31\n---\nNot yet.\n"));
        using var client = host.Client();

        var page = await client.GetAsync("embargoed/", TestContext.Current.CancellationToken);

        Assert.True(page.IsSuccessStatusCode, host.Terminal);
    }
}
