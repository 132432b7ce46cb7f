using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>sitemap.xml, the Atom feed, robots.txt, 404.html, OpenGraph and JSON-LD of the real templates,
/// parsed as a crawler would and checked field by field (issues 5 and 8).</summary>
public sealed class PublishedExtrasTests : IAsyncLifetime
{
    private const string BaseUrl = "https://example.org/news/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly TempDirectory _out = new();

    public async ValueTask InitializeAsync()
    {
        var run = await SiteProcess.RunAsync(RepoRoot.Find(), ["build", "--output", _out.Path, "--base-url", BaseUrl]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public ValueTask DisposeAsync()
    {
        _out.Dispose();
        return ValueTask.CompletedTask;
    }

    private string Read(string path) => File.ReadAllText(_out.Combine(path));

    private IEnumerable<string> ArticleSlugs() =>
        Directory.EnumerateDirectories(_out.Path).Select(Path.GetFileName).Where(n => n is not "assets").Select(n => n!).Order(StringComparer.Ordinal);

    [Fact]
    public void Sitemap_lists_the_home_page_and_every_article_with_absolute_urls()
    {
        var sitemap = XDocument.Parse(Read("sitemap.xml"));
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToList();
        var locations = urls.Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal([BaseUrl, .. ArticleSlugs().Select(s => BaseUrl + s + "/")], locations.Order(StringComparer.Ordinal));
        Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$", u.Element(Sitemap + "lastmod")!.Value));
    }

    [Fact]
    public void Feed_is_valid_Atom()
    {
        var feed = XDocument.Parse(Read("feed.xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // RFC 4287 4.1.1: a feed has exactly one id, title and updated, and an author (here at feed level).
        Assert.Single(feed.Elements(Atom + "id"));
        Assert.True(Uri.IsWellFormedUriString(feed.Element(Atom + "id")!.Value, UriKind.Absolute));
        Assert.Single(feed.Elements(Atom + "title"));
        Assert.Single(feed.Elements(Atom + "updated"));
        AssertRfc3339(feed.Element(Atom + "updated")!.Value);
        Assert.NotEmpty(feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == BaseUrl + "feed.xml");

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(ArticleSlugs().Count(), entries.Count);
        foreach (var entry in entries)
        {
            // 4.1.2: each entry has exactly one id, title and updated, and an alternate link (no content).
            Assert.True(Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute));
            Assert.NotEmpty(entry.Element(Atom + "title")!.Value);
            AssertRfc3339(entry.Element(Atom + "updated")!.Value);
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        }
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
        var slug = ArticleSlugs().First();
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
        var slug = ArticleSlugs().First();
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
        var factChecks = page.QuerySelectorAll("li.note--fact-check");
        Assert.NotEmpty(factChecks);
        Assert.Equal(factChecks.Length, reviews.Count);
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

    private static void AssertRfc3339(string value) =>
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", value);
}
