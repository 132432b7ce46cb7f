using System.Text.RegularExpressions;
using System.Xml.Linq;
using Site.Tests.Support;

namespace Site.Tests.Listings;

/// <summary>Tag pages, the tags overview and the feeds per tag of the generated three-language site: every
/// article is reachable from the home page by links, every link resolves, every tag feed is Atom.</summary>
[Collection(MultilingualSite.Collection)]
public sealed partial class TagPagesTests(MultilingualSite site)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void Crawling_from_the_home_page_reaches_every_article_and_every_tag_page_and_no_link_is_broken()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "index.html" };
        var queue = new Queue<string>(seen);
        while (queue.Count > 0)
        {
            var page = queue.Dequeue();
            foreach (var target in Links(page))
            {
                Assert.True(File.Exists(Path.Combine(site.OutputDir, target)), $"{page} links to {target}, which does not exist");
                if (target.EndsWith(".html", StringComparison.Ordinal) && seen.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }
        var articles = Enumerable.Range(0, MultilingualSite.ArticleCount).Select(i => $"a-{i:000}/index.html");
        Assert.All(articles, article => Assert.Contains(article, seen));
        var tagPages = Directory.GetFiles(Path.Combine(site.OutputDir, "tags"), "index.html", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(site.OutputDir, path).Replace('\\', '/'));
        Assert.All(tagPages, page => Assert.Contains(page, seen));
    }

    [Fact]
    public void Tags_get_readable_slugs_in_any_script_and_list_their_articles_newest_first()
    {
        Assert.True(File.Exists(Path.Combine(site.OutputDir, "tags/энергетика/index.html")));
        var page = site.Read("tags/oil-gas/index.html");
        Assert.Contains("<title>Articles tagged Oil &amp; gas · The Record</title>", page, StringComparison.Ordinal);
        var numbers = ArticleLink().Matches(page).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(numbers);
        Assert.Equal(numbers.OrderDescending(), numbers);
        Assert.Contains("<a class=\"tag\" href=\"../tags/oil-gas/\">Oil &amp; gas</a>", site.Read($"a-{numbers[0]:000}/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_tag_feed_is_atom_and_lists_only_that_tags_articles()
    {
        var feeds = Directory.GetFiles(Path.Combine(site.OutputDir, "tags"), "feed.xml", SearchOption.AllDirectories);
        Assert.Equal(Directory.GetDirectories(Path.Combine(site.OutputDir, "tags")).Length, feeds.Length);
        foreach (var feed in feeds)
        {
            var slug = Path.GetFileName(Path.GetDirectoryName(feed)!);
            var document = XDocument.Load(feed);
            Assert.Equal(Atom + "feed", document.Root!.Name);
            Assert.Equal($"https://example.org/news/tags/{slug}/", Uri.UnescapeDataString(document.Root.Element(Atom + "id")!.Value));
            var self = document.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self");
            Assert.EndsWith($"tags/{slug}/feed.xml", Uri.UnescapeDataString((string)self.Attribute("href")!), StringComparison.Ordinal);
            var entries = document.Root.Elements(Atom + "entry").ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, entry => Assert.Contains(entry.Elements(Atom + "category"), c => Slug((string)c.Attribute("term")!) == slug));
        }
    }

    [Fact]
    public void The_index_is_paginated_with_numbered_titles_and_prev_next_links_in_both_directions()
    {
        // 300 articles, 20 a page: 15 pages.
        var second = site.Read("page/2/index.html");
        Assert.Contains("<title>The Record, page 2</title>", second, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"prev\" href=\"../../\">", second, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"next\" href=\"../../page/3/\">", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 15", second, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"next\" href=\"./page/2/\">", site.Read("index.html"), StringComparison.Ordinal);
        var last = site.Read("page/15/index.html");
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site.OutputDir, "page/16/index.html")));
        Assert.Equal(20, ArticleLink().Matches(second).Count);
    }

    [Fact]
    public void No_article_is_an_orphan_every_one_is_two_links_from_the_archive_linked_from_the_home_page()
    {
        Assert.Contains(Links("index.html"), target => target == "archive/index.html");
        var months = Links("archive/index.html").Where(t => t.StartsWith("archive/", StringComparison.Ordinal)).ToList();
        Assert.Contains("archive/2022/01/index.html", months);
        var reached = months.SelectMany(Links).ToHashSet(StringComparer.Ordinal);
        Assert.All(Enumerable.Range(0, MultilingualSite.ArticleCount), i => Assert.Contains($"a-{i:000}/index.html", reached));
        Assert.Contains("<title>January 2022 · The Record</title>", site.Read("archive/2022/01/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_tags_that_would_share_a_page_are_an_error_naming_both()
    {
        using var broken = new TestSite()
            .With("templates/tag.html", "{{ tag.name }}")
            .With("content/a.md", TestSite.Article(extra: "tags: [\"Oil & gas\"]\n"))
            .With("content/b.md", TestSite.Article(date: "2024-01-01", extra: "tags: [\"Oil, gas\"]\n"));

        var build = broken.Build();

        Assert.False(build.Result.Published);
        Assert.Contains("content/b.md(4,7): error SITE093: tags 'Oil & gas' and 'Oil, gas' would share the page tags/oil-gas/; spell them the same, or tell them apart by a letter or digit", build.Diagnostics);
    }

    [Fact]
    public void A_tag_with_no_letter_or_digit_still_gets_a_page_its_article_links_to()
    {
        using var site = new TestSite()
            .With("templates/tag.html", "{{ tag.name }}")
            .With("templates/article.html", "{{ for link in article.tag_links }}<a href=\"{{ page.root }}{{ link.url }}\">{{ link.name }}</a>{{ end }}")
            .With("content/a.md", TestSite.Article(extra: "tags: [\"#!\"]\n"));

        var build = site.Build();

        Assert.True(build.Result.Published, build.ToString());
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(site.OutputDir, "tags")));
        Assert.Matches("^tag-[0-9a-f]{8}$", Path.GetFileName(folder));
        Assert.Contains("#!", File.ReadAllText(Path.Combine(folder, "index.html")), StringComparison.Ordinal);
        // The article links to that page, and the build's link check found it there.
        Assert.Contains($"tags/{Path.GetFileName(folder)}/", File.ReadAllText(Path.Combine(site.OutputDir, "a/index.html")), StringComparison.Ordinal);
    }

    private static string Slug(string tag) => Site.Content.Slug.Words(System.Net.WebUtility.HtmlDecode(tag));

    /// <summary>The site-internal pages and files <paramref name="page"/> links to, as paths in output/.</summary>
    private IEnumerable<string> Links(string page)
    {
        var baseUri = new Uri("file:///site/" + page);
        foreach (Match match in Href().Matches(site.Read(page)))
        {
            var href = System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
            if (href.StartsWith('#') || href.Contains("://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }
            var path = Uri.UnescapeDataString(new Uri(baseUri, href).AbsolutePath)["/site/".Length..];
            yield return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
        }
    }

    [GeneratedRegex("(?:href|src)=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex(@"<h[23](?: class=""lead-title"")?><a href=""(?:\.\./\.\./|\./)a-(\d{3})/""")]
    private static partial Regex ArticleLink();
}
