using System.Xml.Linq;
using Site.Tests.Support;

namespace Site.Tests.Listings;

/// <summary>
/// Articles that name their translations with a shared translation_key: each page links to the others
/// (the default theme's language switcher), with hreflang alternates in the head and in the sitemap, both
/// ways and the page itself included; a key that names a missing translation is an error (issue 15).
/// </summary>
public sealed class TranslationTests
{
    private const string Site = "title: The Record\nlanguage: en\nbase_url: https://example.org/news/\n";
    private const string Base = "https://example.org/news/";

    // история/ and оқиға/, as published: percent-encoded.
    private const string RuUrl = Base + "%D0%B8%D1%81%D1%82%D0%BE%D1%80%D0%B8%D1%8F/";
    private const string KkUrl = Base + "%D0%BE%D2%9B%D0%B8%D2%93%D0%B0/";

    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    [Theory]
    [InlineData("story", "en", "Languages")]
    [InlineData("история", "ru", "Языки")]
    [InlineData("оқиға", "kk", "Тілдер")]
    public void Each_translation_links_to_the_others_in_their_own_language_and_marks_its_own(string slug, string language, string label)
    {
        using var site = Story();

        var build = site.Build();

        Assert.True(build.Result.Published && build.Diagnostics.Count == 0, build.ToString());
        string Item(string lang, string name, string url) => lang == language
            ? $"<li><span lang=\"{lang}\" aria-current=\"page\">{name}</span></li>"
            : $"<li><a href=\"../{url}/\" hreflang=\"{lang}\" lang=\"{lang}\">{name}</a></li>";
        var expected = string.Join("\n",
            $"<nav class=\"translations\" aria-label=\"{label}\">",
            "<ul>",
            Item("en", "English", "story"),
            Item("kk", "Қазақша", "оқиға"),
            Item("ru", "Русский", "история"),
            "</ul>",
            "</nav>",
            "</header>");
        Assert.Contains(expected, Page(site, slug), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("story", "en_US", "kk_KZ", "ru_RU")]
    [InlineData("история", "ru_RU", "en_US", "kk_KZ")]
    [InlineData("оқиға", "kk_KZ", "en_US", "ru_RU")]
    public void Each_translation_names_every_one_as_an_alternate_itself_included_and_the_other_locales(string slug, string locale, string other1, string other2)
    {
        using var site = Story();
        Assert.True(site.Build().Result.Published);

        var page = Page(site, slug);

        Assert.Contains(string.Join("\n",
            $"<link rel=\"alternate\" hreflang=\"en\" href=\"{Base}story/\">",
            $"<link rel=\"alternate\" hreflang=\"kk\" href=\"{KkUrl}\">",
            $"<link rel=\"alternate\" hreflang=\"ru\" href=\"{RuUrl}\">"), page, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:locale:alternate\" content=\"{other1}\">\n<meta property=\"og:locale:alternate\" content=\"{other2}\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"og:locale:alternate\" content=\"{locale}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sitemap_gives_each_translation_the_same_alternates_and_the_untranslated_article_none()
    {
        using var site = Story();
        Assert.True(site.Build().Result.Published);

        var sitemap = XDocument.Parse(File.ReadAllText(Path.Combine(site.OutputDir, "sitemap.xml")));

        var alternates = sitemap.Root!.Elements(Sitemap + "url").ToDictionary(
            url => url.Element(Sitemap + "loc")!.Value,
            url => string.Join(" ", url.Elements(Xhtml + "link").Select(link => $"{link.Attribute("rel")!.Value}:{link.Attribute("hreflang")!.Value}={link.Attribute("href")!.Value}")));
        var all = $"alternate:en={Base}story/ alternate:kk={KkUrl} alternate:ru={RuUrl}";
        Assert.Equal(all, alternates[Base + "story/"]);
        Assert.Equal(all, alternates[RuUrl]);
        Assert.Equal(all, alternates[KkUrl]);
        Assert.Equal("", alternates[Base + "other/"]);
    }

    [Fact]
    public void An_article_without_translations_has_no_switcher_and_no_alternates()
    {
        using var site = Story();
        Assert.True(site.Build().Result.Published);

        var page = Page(site, "other");

        Assert.DoesNotContain("class=\"translations\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hreflang", page, StringComparison.Ordinal);
        Assert.DoesNotContain("og:locale:alternate", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_base_url_the_switcher_stays_and_no_alternate_link_is_written()
    {
        using var site = Story().With("content/site.yml", "title: The Record\nlanguage: en\n");

        var build = site.Build();

        Assert.True(build.Result.Published, build.ToString());
        var page = Page(site, "story");
        Assert.Contains("<li><a href=\"../история/\" hreflang=\"ru\" lang=\"ru\">Русский</a></li>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<link rel=\"alternate\" hreflang", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_draft_or_future_translation_is_no_error_and_is_not_linked_until_it_is_published()
    {
        using var site = Story(kk: "draft: true\n");
        site.With("content/ru/история.md", TestSite.Article(title: "История", date: "2999-01-01", extra: "translation_key: qantar\nlanguage: ru\n"));

        var build = site.Build();

        Assert.True(build.Result.Published && build.Diagnostics.Count == 0, build.ToString());
        var page = Page(site, "story");
        Assert.DoesNotContain("class=\"translations\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("hreflang", page, StringComparison.Ordinal);
        Assert.DoesNotContain("xhtml:link", File.ReadAllText(Path.Combine(site.OutputDir, "sitemap.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void With_drafts_a_draft_translation_is_linked_on_the_pages_but_left_out_of_the_sitemap()
    {
        using var site = Story(kk: "draft: true\n");

        var build = site.Build(drafts: true);

        Assert.True(build.Result.Published, build.ToString());
        Assert.Contains("<li><a href=\"../оқиға/\" hreflang=\"kk\" lang=\"kk\">Қазақша</a></li>", Page(site, "story"), StringComparison.Ordinal);
        var sitemap = File.ReadAllText(Path.Combine(site.OutputDir, "sitemap.xml"));
        Assert.Contains($"<url><loc>{Base}story/</loc><lastmod>2024-01-02T00:00:00Z</lastmod><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{Base}story/\"/><xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"{RuUrl}\"/></url>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain(KkUrl, sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_of_content_pages_are_translated_the_same_way()
    {
        using var site = Story()
            .With("content/pages/about.md", "---\ntitle: About us\ntranslation_key: about\n---\nWho we are.\n")
            .With("content/pages/o-nas.md", "---\ntitle: О нас\ntranslation_key: about\nlanguage: ru\n---\nКто мы.\n");

        var build = site.Build();

        Assert.True(build.Result.Published && build.Diagnostics.Count == 0, build.ToString());
        Assert.Contains("<li><a href=\"../o-nas/\" hreflang=\"ru\" lang=\"ru\">Русский</a></li>", Page(site, "about"), StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"../about/\" hreflang=\"en\" lang=\"en\">English</a></li>", Page(site, "o-nas"), StringComparison.Ordinal);
        Assert.Contains($"<url><loc>{Base}o-nas/</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{Base}about/\"/><xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"{Base}o-nas/\"/></url>",
            File.ReadAllText(Path.Combine(site.OutputDir, "sitemap.xml")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string> Mistakes() => new()
    {
        // The key's value starts at line 4, column 18: after "---", title and date.
        { "content/other.md", "translation_key: qantr\n", "content/other.md(4,18): error SITE096:", "translation_key 'qantr' names translations, but no other article has it (did you mean 'qantar'?)" },
        { "content/today.md", "translation_key: qantar\n", "content/today.md(4,18): error SITE095:", "translation_key 'qantar' is also given to content/story.md, in the same language (en)" },
        { "content/today.md", "translation_key: qantar\nlanguage: RU\n", "content/today.md(4,18): error SITE095:", "is also given to content/ru/история.md, in the same language (RU)" },
        { "content/other.md", "translation_key: \"\"\n", "content/other.md(4,18): error SITE005:", "'translation_key' must not be empty" },
        { "content/other.md", "translation_key: [qantar]\n", "content/other.md(4,18): error SITE005:", "'translation_key' must be text, not a list" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistaken_translation_key_is_an_error_at_the_key_and_the_last_output_stays(string file, string frontMatter, string where, string says)
    {
        using var site = Story();
        Assert.True(site.Build().Result.Published);
        var before = DirectoryTree.Read(site.OutputDir);

        site.With(file, TestSite.Article(title: "Another story", date: "2024-01-03", extra: frontMatter));
        var build = site.Build();

        Assert.False(build.Result.Published);
        DiagnosticAssert.Exactly(build.Diagnostics, (where, says));
        Assert.Null(DirectoryTree.Difference(before, DirectoryTree.Read(site.OutputDir)));
    }

    /// <summary>One story in English, Russian and Kazakh, and an article no one translated, with the default
    /// theme and a base URL.</summary>
    private static TestSite Story(string kk = "") => new TestSite().WithDefaultTheme()
        .With("content/site.yml", Site)
        .With("content/story.md", TestSite.Article(title: "The story", extra: "translation_key: qantar\n"))
        .With("content/ru/история.md", TestSite.Article(title: "История", extra: "translation_key: qantar\nlanguage: ru\n"))
        .With("content/kk/оқиға.md", TestSite.Article(title: "Оқиға", extra: "translation_key: qantar\nlanguage: kk\n" + kk))
        .With("content/other.md", TestSite.Article(title: "Untranslated", date: "2024-01-01"));

    private static string Page(TestSite site, string slug) => File.ReadAllText(Path.Combine(site.OutputDir, slug, "index.html"));
}
