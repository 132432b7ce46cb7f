using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>sitemap.xml, the Atom feed, robots.txt, 404.html, OpenGraph and JSON-LD of the real templates,
/// parsed as a crawler would and checked field by field (issues 5 and 8). The site is the sample article
/// and three articles of the test's own, so every expected entry is written here from the input.</summary>
public sealed class PublishedExtrasTests : IAsyncLifetime
{
    private const string BaseUrl = "https://example.org/news/";
    private const string Sample = "tokayev-january-events";
    private const string Timeline = "january-2022-timeline";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly TempDirectory _site = new();

    public async ValueTask InitializeAsync()
    {
        var repo = RepoRoot.Find();
        _site.WriteBytes($"content/{Sample}.md", File.ReadAllBytes(Path.Combine(repo, "content", Sample + ".md")));
        // The sample article cites the sample site's shared sources and links to the timeline, and back.
        _site.WriteBytes("content/sources.yml", File.ReadAllBytes(Path.Combine(repo, "content", "sources.yml")));
        _site.WriteBytes($"content/{Timeline}.md", File.ReadAllBytes(Path.Combine(repo, "content", Timeline + ".md")));
        _site.Write("content/site.yml", "title: \"The Test & Record\"\nlanguage: en\ndescription: Articles for the extras test.\nauthor: Test Desk\n");
        _site.Write("content/first.md", "---\ntitle: First report\ndate: 2024-01-02\nsummary: \"The first one.\"\nauthor: Jane Doe\ntags: [Kazakhstan, Almaty]\n---\nBody.\n");
        _site.Write("content/second.md", "---\ntitle: \"Second & <final> report\"\ndate: 2024-03-05T09:30:00+06:00\nslug: second-report\n---\nBody.\n");
        _site.Write("content/draft.md", "---\ntitle: Not yet\ndate: 2024-05-01\ndraft: true\n---\nBody.\n");
        var run = await SiteProcess.RunAsync(_site.Path, ["build", "--templates", Path.Combine(repo, "templates"), "--base-url", BaseUrl]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public ValueTask DisposeAsync()
    {
        _site.Dispose();
        return ValueTask.CompletedTask;
    }

    private string Read(string path) => File.ReadAllText(_site.Combine("output/" + path));

    [Fact]
    public void Sitemap_lists_the_home_page_and_every_published_article_newest_first_with_absolute_urls()
    {
        var sitemap = XDocument.Parse(Read("sitemap.xml"));
        var entries = sitemap.Root!.Elements(Sitemap + "url").Select(u => (u.Element(Sitemap + "loc")!.Value, u.Element(Sitemap + "lastmod")?.Value));
        Assert.Equal(
        [
            (BaseUrl, "2026-12-02T00:00:00Z"),
            (BaseUrl + Timeline + "/", "2026-12-02T00:00:00Z"),
            // The sample was published on 2026-11-25; its last correction, on 2026-12-02, is its last change.
            (BaseUrl + Sample + "/", "2026-12-02T00:00:00Z"),
            (BaseUrl + "second-report/", "2024-03-05T09:30:00+06:00"),
            (BaseUrl + "first/", "2024-01-02T00:00:00Z"),
        ], entries);
    }

    [Fact]
    public void Feed_is_valid_Atom_with_an_entry_per_published_article_newest_first()
    {
        var feed = XDocument.Parse(Read("feed.xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (here at feed level).
        Assert.Equal(BaseUrl, Assert.Single(feed.Elements(Atom + "id")).Value);
        Assert.Equal("The Test & Record", Assert.Single(feed.Elements(Atom + "title")).Value);
        Assert.Equal("2026-12-02T00:00:00Z", Assert.Single(feed.Elements(Atom + "updated")).Value);
        Assert.Equal("Test Desk", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == BaseUrl + "feed.xml");

        // 4.1.2: each entry has exactly one id, title and updated, and an alternate link; the author is the
        // article's, else the site's.
        var entries = feed.Elements(Atom + "entry").Select(e => (
            Assert.Single(e.Elements(Atom + "title")).Value,
            Assert.Single(e.Elements(Atom + "id")).Value,
            Assert.Single(e.Elements(Atom + "updated")).Value,
            (string?)Assert.Single(e.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate").Attribute("href"),
            e.Element(Atom + "author")!.Element(Atom + "name")!.Value));
        Assert.Equal(
        [
            ("Kazakhstan’s January 2022 events, day by day", BaseUrl + Timeline + "/", "2026-12-02T00:00:00Z", BaseUrl + Timeline + "/", "Test Desk"),
            ("President Tokayev: January events tested our unity and strength, and we passed with flying colours", BaseUrl + Sample + "/", "2026-12-02T00:00:00Z", BaseUrl + Sample + "/", "Text: London Post (undated); notes: The Annotated Record"),
            ("Second & <final> report", BaseUrl + "second-report/", "2024-03-05T09:30:00+06:00", BaseUrl + "second-report/", "Test Desk"),
            ("First report", BaseUrl + "first/", "2024-01-02T00:00:00Z", BaseUrl + "first/", "Jane Doe"),
        ], entries);
        var first = feed.Elements(Atom + "entry").Last();
        Assert.Equal("The first one.", first.Element(Atom + "summary")!.Value);
        Assert.Equal(["Kazakhstan", "Almaty"], first.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")));
    }

    [Fact]
    public void Robots_points_at_the_sitemap_and_the_404_page_links_from_the_base_path()
    {
        Assert.Contains($"Sitemap: {BaseUrl}sitemap.xml", Read("robots.txt"));
        var notFound = new HtmlParser().ParseDocument(Read("404.html"));
        Assert.Contains("/news/assets/site.css", notFound.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")));
        Assert.Equal("Page not found", notFound.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public void Article_has_OpenGraph_and_Twitter_card_meta_and_a_canonical_link()
    {
        var slug = Sample;
        var page = new HtmlParser().ParseDocument(Read($"{slug}/index.html"));
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");

        Assert.Equal(BaseUrl + slug + "/", page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal(page.QuerySelector("h1")!.TextContent, Meta("meta[property='og:title']"));
        Assert.Equal(BaseUrl + slug + "/", Meta("meta[property='og:url']"));
        Assert.False(string.IsNullOrEmpty(Meta("meta[property='og:description']")));
        Assert.Equal("summary", Meta("meta[name='twitter:card']"));
        Assert.NotNull(Meta("meta[property='article:published_time']"));
    }

    [Fact]
    public void Article_JSON_LD_is_a_NewsArticle_with_a_ClaimReview_per_fact_check()
    {
        var slug = Sample;
        var page = new HtmlParser().ParseDocument(Read($"{slug}/index.html"));
        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("https://schema.org", json.RootElement.GetProperty("@context").GetString());
        var graph = json.RootElement.GetProperty("@graph").EnumerateArray().ToList();

        var article = Assert.Single(graph, g => g.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal(page.QuerySelector("h1")!.TextContent, article.GetProperty("headline").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}", article.GetProperty("datePublished").GetString());
        Assert.False(string.IsNullOrEmpty(article.GetProperty("author").GetProperty("name").GetString()));
        Assert.Equal("Organization", article.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.StartsWith("https://", article.GetProperty("isBasedOn").GetProperty("url").GetString(), StringComparison.Ordinal);

        var reviews = graph.Where(g => g.GetProperty("@type").GetString() == "ClaimReview").ToList();
        // One per fact-check note of the article's Markdown.
        var markdown = File.ReadAllText(_site.Combine($"content/{Sample}.md"));
        var factChecks = System.Text.RegularExpressions.Regex.Count(markdown, @"^\[\^[^\]]+\]: \{fact-check[ }]", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(factChecks >= 4, $"the sample article should have fact-checks; found {factChecks}");
        Assert.Equal(factChecks, reviews.Count);
        foreach (var review in reviews)
        {
            Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("claimReviewed").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("reviewRating").GetProperty("alternateName").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(review.GetProperty("author").GetProperty("name").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}", review.GetProperty("datePublished").GetString());
            Assert.Equal("Claim", review.GetProperty("itemReviewed").GetProperty("@type").GetString());
            var anchor = review.GetProperty("url").GetString()!.Split('#')[1];
            Assert.NotNull(page.GetElementById(anchor));
        }
    }

}
