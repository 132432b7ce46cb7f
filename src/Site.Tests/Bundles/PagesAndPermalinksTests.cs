using AngleSharp.Html.Parser;
using Site.Tests.Support;

namespace Site.Tests.Bundles;

/// <summary>
/// Issue 14: standalone pages with the default theme, its menu, and a permalink pattern that moves articles
/// under their date. One site, built once with the real templates, checked several ways.
/// </summary>
public sealed class PagesAndPermalinksTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly SiteBuild _build;

    public PagesAndPermalinksTests()
    {
        DirectoryTree.Replace(Path.Combine(RepoRoot.Find(), "templates"), _site.Path("templates"));
        _site
            .With("content/site.yml", "title: Test site\nbase_url: https://example.org/news/\npermalink: /{year}/{month}/{slug}/\nmenu:\n  - title: About us\n    url: about/\n")
            .With("content/world/riots.md", TestSite.Article("Read [about us](../../../about/).\n", title: "Riots", date: "2024-01-05"))
            .With("content/pages/about.md", "---\ntitle: About\nsummary: Who we are.\n---\nWe annotate the news.[^who]\n\n[^who]: {context} Since 2024.\n")
            .With("templates/about.html", "<p>an old template</p>\n");
        _build = _site.Build();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void Articles_follow_the_permalink_pattern_in_links_canonical_sitemap_and_feed()
    {
        Assert.True(_build.Result.Published, _build.ToString());
        var article = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.OutputDir, "2024/01/riots/index.html")));
        Assert.Equal("https://example.org/news/2024/01/riots/", article.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("../../../assets/site.css", article.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.True(File.Exists(Path.Combine(_site.OutputDir, "2024/01/riots/annotations.json")));
        Assert.Contains("<loc>https://example.org/news/2024/01/riots/</loc>", File.ReadAllText(Path.Combine(_site.OutputDir, "sitemap.xml")), StringComparison.Ordinal);
        Assert.Contains("https://example.org/news/2024/01/riots/", File.ReadAllText(Path.Combine(_site.OutputDir, "feed.xml")), StringComparison.Ordinal);
        var index = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.OutputDir, "index.html")));
        Assert.Contains(index.QuerySelectorAll("a"), a => a.GetAttribute("href") == "./2024/01/riots/");
    }

    [Fact]
    public void A_page_has_no_date_carries_its_notes_is_in_the_menu_and_the_sitemap_but_not_the_feed()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site.OutputDir, "about/index.html")));
        Assert.Equal("About", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("time"));
        var jsonLd = System.Text.Json.JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement.GetProperty("@graph")[0];
        Assert.Equal("WebPage", jsonLd.GetProperty("@type").GetString());
        Assert.False(jsonLd.TryGetProperty("datePublished", out _), "a page without a date has none in its JSON-LD");
        Assert.Equal("website", page.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("li.note.note--context"));
        var current = page.QuerySelector("nav.site-menu a[aria-current=page]")!;
        Assert.Equal(("../about/", "About us"), (current.GetAttribute("href"), current.TextContent));
        Assert.Contains("<loc>https://example.org/news/about/</loc>", File.ReadAllText(Path.Combine(_site.OutputDir, "sitemap.xml")), StringComparison.Ordinal);
        Assert.DoesNotContain("/about/", File.ReadAllText(Path.Combine(_site.OutputDir, "feed.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_no_page_uses_is_a_warning_that_points_to_content_pages()
    {
        DiagnosticAssert.Exactly(_build.Diagnostics,
            ("templates/about.html: warning SITE088:", "template 'about.html' is not used: pages come from Markdown in content/pages/"));
    }
}
