using AngleSharp.Html.Parser;
using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>
/// Site-wide sources in content/sources.yml (issue 8): every article's notes may cite them; a source no
/// article cites and one URL under two keys are warnings at their place in sources.yml; a key defined in an
/// article as well is an error at the article's key; every malformed entry is an error at its position.
/// </summary>
public sealed class SourceRegistryTests
{
    private const string Hrw = "https://www.hrw.org/news/2022/01/26/kazakhstan-killings-excessive-use-force-almaty";

    /// <summary>Two well-formed sources, with block and flow mappings: hrw at line 1, gpo at line 6.</summary>
    private const string TwoSources = $"""
        hrw-2022-01-26:
          title: "Kazakhstan: Killings, Excessive Use of Force in Almaty"
          publisher: Human Rights Watch
          url: {Hrw}
          date: 2022-01-26
        gpo-2022-08: {"{"}title: Information on the January events, publisher: Prosecutor General's Office, url: https://example.org/gpo, date: 2022-08{"}"}

        """;

    /// <summary>The test site's templates, with the Sources section after the notes.</summary>
    private const string ArticleTemplate = """
        <article>
        <h1>{{ article.title }}</h1>
        {{ article.body }}{{ article.notes }}{{ article.sources }}</article>

        """;

    private static string Citing(params string[] keys) =>
        TestSite.Article($"A claim.[^n]\n\n[^n]: See {string.Join(" and ", keys.Select(k => $"[@{k}]"))}.\n");

    private static TestSite Site(string sourcesYml) =>
        new TestSite().With("templates/article.html", ArticleTemplate).With("content/sources.yml", sourcesYml);

    [Fact]
    public void Sources_cited_from_articles_build_without_diagnostics()
    {
        using var site = Site(TwoSources).With("content/a.md", Citing("hrw-2022-01-26", "gpo-2022-08"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics);
        Assert.True(build.Result.Published);
        var sources = SourcesList(site, "a");
        Assert.Equal(["s-hrw-2022-01-26", "s-gpo-2022-08"], sources.Select(s => "s-" + s.Key));
    }

    [Fact]
    public void Source_never_cited_anywhere_is_a_warning_at_its_line_in_sources_yml()
    {
        using var site = Site(TwoSources).With("content/a.md", Citing("hrw-2022-01-26"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/sources.yml(6,1): warning SITE074:", "source 'gpo-2022-08' is never cited"));
        Assert.True(build.Result.Published);
        Assert.Equal(["hrw-2022-01-26"], SourcesList(site, "a").Select(s => s.Key));
    }

    [Fact]
    public void Source_cited_by_one_article_of_several_is_not_a_warning()
    {
        using var site = Site(TwoSources)
            .With("content/a.md", Citing("hrw-2022-01-26"))
            .With("content/b.md", Citing("gpo-2022-08"))
            .With("content/c.md", TestSite.Article("No notes at all.\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics);
        Assert.Equal(["hrw-2022-01-26"], SourcesList(site, "a").Select(s => s.Key));
        Assert.Equal(["gpo-2022-08"], SourcesList(site, "b").Select(s => s.Key));
        Assert.Empty(SourcesList(site, "c"));
    }

    [Fact]
    public void Site_wide_source_cited_from_two_articles_is_fine_and_listed_on_both()
    {
        using var site = Site(TwoSources)
            .With("content/a.md", Citing("hrw-2022-01-26", "gpo-2022-08"))
            .With("content/b.md", Citing("hrw-2022-01-26", "gpo-2022-08"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics);
        Assert.True(build.Result.Published);
        foreach (var slug in new[] { "a", "b" })
        {
            var sources = SourcesList(site, slug);
            Assert.Equal(["hrw-2022-01-26", "gpo-2022-08"], sources.Select(s => s.Key));
            // Each page's Sources list links back to that page's own note.
            Assert.All(sources, s => Assert.Equal([$"#{slug}--note-n"], s.BackLinks));
            Assert.Contains($"\"key\": \"hrw-2022-01-26\"", File.ReadAllText(site.Path($"output/{slug}/annotations.json")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Same_URL_under_two_keys_in_sources_yml_is_a_warning_at_the_second_key()
    {
        using var site = Site(TwoSources + $"hrw-almaty: {{title: Killings in Almaty, publisher: HRW, url: {Hrw}}}\n")
            .With("content/a.md", Citing("hrw-2022-01-26", "gpo-2022-08", "hrw-almaty"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/sources.yml(7,1): warning SITE072:", "sources 'hrw-2022-01-26' and 'hrw-almaty' have the same URL"));
        Assert.True(build.Result.Published);
    }

    [Fact]
    public void Article_source_with_the_URL_of_a_site_wide_source_is_a_warning_at_the_article_key()
    {
        var article = TestSite.Article(
            "A claim.[^n]\n\n[^n]: See [@hrw-2022-01-26], [@gpo-2022-08] and [@almaty].\n",
            extra: $"sources:\n  almaty: {{title: Killings in Almaty, publisher: HRW, url: {Hrw}}}\n");
        using var site = Site(TwoSources).With("content/a.md", article);

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(5,3): warning SITE072:", "source 'almaty' has the same URL as 'hrw-2022-01-26' in content/sources.yml"));
        Assert.True(build.Result.Published);
    }

    [Fact]
    public void Key_defined_in_an_article_and_in_sources_yml_is_an_error_at_the_article_key()
    {
        var article = TestSite.Article(
            "A claim.[^n]\n\n[^n]: See [@hrw-2022-01-26] and [@gpo-2022-08].\n",
            extra: "sources:\n  gpo-2022-08: {title: Another report, publisher: Someone else, url: https://example.org/other}\n");
        using var site = Site(TwoSources).With("content/a.md", article);

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(5,3): error SITE075:", "source 'gpo-2022-08' is also defined in content/sources.yml (line 6)"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Malformed_entries_are_errors_at_their_positions()
    {
        const string yml = """
            no-title:
              publisher: Human Rights Watch
              url: https://example.org/a
            no-publisher:
              title: A report
              url: https://example.org/b
            no-url: {title: A report, publisher: Akorda}
            bad-url:
              title: A report
              publisher: Akorda
              url: akorda.kz/speech
            ftp-url:
              title: A report
              publisher: Akorda
              url: ftp://example.org/speech
            bad-date:
              title: A report
              publisher: Akorda
              url: https://example.org/c
              date: 2022-13
            bad-archive: {title: A report, publisher: Akorda, url: https://example.org/d, archive: web.archive.org/x}

            """;
        using var site = Site(yml).With("content/a.md", TestSite.Article("No notes.\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(
            build.Diagnostics,
            ("content/sources.yml(2,3): error SITE004:", "source 'no-title' is missing required key 'title'"),
            ("content/sources.yml(5,3): error SITE004:", "source 'no-publisher' is missing required key 'publisher'"),
            ("content/sources.yml(7,9): error SITE004:", "source 'no-url' is missing required key 'url'"),
            ("content/sources.yml(11,8): error SITE005:", "source url must be an absolute http or https URL, not 'akorda.kz/speech'"),
            ("content/sources.yml(15,8): error SITE005:", "not 'ftp://example.org/speech'"),
            ("content/sources.yml(20,9): error SITE005:", "source date must be 2022, 2022-01 or 2022-01-26, not '2022-13'"),
            ("content/sources.yml(21,88): error SITE005:", "source archive must be an absolute http or https URL, not 'web.archive.org/x'"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Empty_required_fields_are_errors_at_the_value()
    {
        using var site = Site("a:\n  title: \"\"\n  publisher: ~\n  url: https://example.org/a\n").With("content/a.md", TestSite.Article("No notes.\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(
            build.Diagnostics,
            ("content/sources.yml(2,10): error SITE005:", "'title' must not be empty"),
            ("content/sources.yml(3,14): error SITE005:", "'publisher' must not be empty"));
    }

    [Fact]
    public void Unknown_field_is_an_error_with_a_suggestion()
    {
        using var site = Site("a:\n  titel: A report\n  title: A report\n  publisher: Akorda\n  url: https://example.org/a\n")
            .With("content/a.md", Citing("a"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/sources.yml(2,3): error SITE003:", "unknown source 'a' key 'titel' (did you mean 'title'?)"));
    }

    [Fact]
    public void Key_with_characters_a_citation_cannot_hold_is_an_error_at_the_key()
    {
        using var site = Site("hrw 2022: {title: A report, publisher: HRW, url: https://example.org/a}\n").With("content/a.md", TestSite.Article("No notes.\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/sources.yml(1,1): error SITE070:", "source key 'hrw 2022' is not allowed"));
    }

    [Fact]
    public void Sources_yml_that_is_not_a_mapping_is_an_error()
    {
        using var site = Site("- title: A report\n  publisher: HRW\n  url: https://example.org/a\n").With("content/a.md", TestSite.Article("No notes.\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/sources.yml(1,1): error SITE005:", "sources must be a mapping of keys to sources"));
    }

    [Fact]
    public void Invalid_YAML_is_an_error_at_its_position_in_sources_yml()
    {
        using var site = Site("a:\n  title: \"unclosed\n  publisher: HRW\n").With("content/a.md", TestSite.Article("No notes.\n"));

        var build = site.Build();

        Assert.False(build.Result.Published);
        var diagnostic = Assert.Single(build.Diagnostics);
        Assert.Matches(@"^content/sources\.yml\(2,\d+\): error SITE002: ", diagnostic);
    }

    [Fact]
    public void Empty_sources_yml_defines_no_sources()
    {
        using var site = Site("").With("content/a.md", TestSite.Article("No notes.\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics);
        Assert.True(build.Result.Published);
    }

    [Fact]
    public void Citation_of_a_key_defined_nowhere_is_an_error_at_the_citation()
    {
        using var site = Site(TwoSources).With("content/a.md", Citing("hrw-2022-01-26", "gpo-2022-08", "amnesty-2022"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(7,52): error SITE071:", "source [@amnesty-2022] is not defined: add it to the article's sources or to content/sources.yml"));
        Assert.False(build.Result.Published);
    }

    /// <summary>The page's Sources list: each item's key (from its id) and the hrefs of its back-links.</summary>
    private static List<(string Key, string[] BackLinks)> SourcesList(TestSite site, string slug)
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(site.Path($"output/{slug}/index.html")));
        return
        [
            .. page.QuerySelectorAll("ol.sources-list > li.source").Select(li => (
                li.Id!.Replace($"{slug}--source-", "", StringComparison.Ordinal),
                li.QuerySelectorAll("a.source-back").Select(a => a.GetAttribute("href")!).ToArray())),
        ];
    }
}
