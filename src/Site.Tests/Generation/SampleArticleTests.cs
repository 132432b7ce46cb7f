using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.Generation;
using Site.Tests.Support;

namespace Site.Tests.Generation;

/// <summary>Builds the repository's sample site once for the checks of <see cref="SampleArticleTests"/> and
/// <see cref="SampleContentTests"/>.</summary>
public sealed class SampleSiteFixture : IDisposable
{
    /// <summary>The annotated sample article, the one <see cref="SampleArticleTests"/> checks.</summary>
    public const string SampleSlug = "tokayev-january-events";

    private readonly TempDirectory _output = new();

    public SampleSiteFixture()
    {
        var repo = RepoRoot.Find();
        Output = _output.Combine("output");
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(repo, "content"), Path.Combine(repo, "templates"), Output));
        Diagnostics = string.Join("\n", result.Diagnostics);
        Published = result.Published;
    }

    public bool Published { get; }

    public string Diagnostics { get; }

    /// <summary>Where the site was built.</summary>
    public string Output { get; }

    /// <summary>The built page at {slug}/index.html.</summary>
    public IDocument Page(string slug) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Output, slug, "index.html")));

    public void Dispose() => _output.Dispose();
}

/// <summary>The markup semantics of the real sample article, checked on the built page.</summary>
public sealed class SampleArticleTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private IDocument Page
    {
        get
        {
            Assert.True(site.Published, site.Diagnostics);
            return _page ??= site.Page(SampleSiteFixture.SampleSlug);
        }
    }

    private IDocument? _page;

    private IReadOnlyList<IElement> References => Page.QuerySelectorAll("a[role=doc-noteref]").ToList();

    /// <summary>The notes, in order of their numbers: the targets of the references, first reference first.</summary>
    private IReadOnlyList<IElement> Notes =>
        References.Select(r => r.GetAttribute("href")!).Distinct(StringComparer.Ordinal).Select(href => Page.GetElementById(href[1..])!).ToList();

    [Fact]
    public void Sample_site_builds_without_diagnostics()
    {
        Assert.True(site.Published, site.Diagnostics);
        Assert.Equal("", site.Diagnostics);
    }

    /// <summary>Before the timeline's date (SITE_NOW=2026-12-01), and before either article's, the sample
    /// once failed: the other article and the About page link to what was held back. A link to an article
    /// that is only early is a warning, so the rest of the site is still published.</summary>
    [Theory]
    [InlineData("2026-12-01T00:00:00Z", 1)]
    [InlineData("2020-01-01T00:00:00Z", 2)]
    public void Sample_site_is_published_before_its_articles_dates(string now, int heldBack)
    {
        using var output = new TempDirectory();
        var repo = RepoRoot.Find();

        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(repo, "content"), Path.Combine(repo, "templates"), output.Combine("output"),
            Now: DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Equal(heldBack, result.FutureHeldBack);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal("SITE059", d.Code));
    }

    [Fact]
    public void Every_reference_links_to_an_existing_note()
    {
        Assert.NotEmpty(References);
        Assert.All(References, reference =>
        {
            var href = reference.GetAttribute("href");
            Assert.NotNull(href);
            Assert.StartsWith("#", href, StringComparison.Ordinal);
            Assert.True(Page.GetElementById(href[1..]) is not null, $"{href} has no target");
        });
    }

    [Fact]
    public void Article_has_at_least_15_notes()
    {
        Assert.True(Notes.Count >= 15, $"{Notes.Count} notes");
    }

    [Fact]
    public void References_show_their_number_as_text_and_are_named_note_n()
    {
        var numbers = Notes.Select((note, index) => (note.Id, Number: index + 1)).ToDictionary(n => n.Id!, n => n.Number);
        Assert.All(References, reference =>
        {
            var number = numbers[reference.GetAttribute("href")![1..]];
            Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), reference.TextContent);
            // "Note N", possibly followed by the note's type ("Note 3, definition").
            Assert.Matches($"^Note {number}(,|$)", reference.GetAttribute("aria-label") ?? "");
        });
    }

    [Fact]
    public void Every_back_link_returns_to_its_own_reference()
    {
        var backLinks = Notes.SelectMany(note => note.QuerySelectorAll("a[role=doc-backlink]")).Select(a => a.GetAttribute("href")).ToList();
        var referenceIds = References.Select(r => "#" + r.Id).ToList();
        Assert.Equal(referenceIds.Order(StringComparer.Ordinal), backLinks.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_note_referenced_twice_has_back_links_with_distinct_names()
    {
        var shared = Notes.Select(note => note.QuerySelectorAll("a[role=doc-backlink]").ToList()).Where(links => links.Count >= 2).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, links =>
        {
            var names = links.Select(a => a.GetAttribute("aria-label")).ToList();
            Assert.All(names, name => Assert.False(string.IsNullOrWhiteSpace(name)));
            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        });
    }

    [Fact]
    public void Ids_are_unique_and_have_no_colons()
    {
        var ids = Page.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        Assert.NotEmpty(ids);
        Assert.Empty(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.DoesNotContain(ids, id => id.Contains(':', StringComparison.Ordinal));
    }

    [Fact]
    public void No_annotation_syntax_reaches_the_text()
    {
        var texts = Page.Body!.Descendants<IText>().Select(t => t.Data).Where(t => t.Contains("[^", StringComparison.Ordinal) || t.Contains("]{^", StringComparison.Ordinal));
        Assert.Empty(texts);
    }

    [Fact]
    public void Every_note_cites_an_external_source()
    {
        Assert.All(Notes, note =>
        {
            var sources = note.QuerySelectorAll("a[href]").Where(a => a.GetAttribute("role") != "doc-backlink")
                .Select(a => a.GetAttribute("href")!)
                .Where(href => href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal));
            Assert.True(sources.Any(), $"note {note.Id} links to no http(s) source");
        });
    }

    [Fact]
    public void Page_has_language_viewport_title_and_description()
    {
        Assert.False(string.IsNullOrWhiteSpace(Page.DocumentElement.GetAttribute("lang")));
        Assert.NotNull(Page.QuerySelector("meta[name=viewport][content*='width=device-width']"));
        Assert.False(string.IsNullOrWhiteSpace(Page.Title));
        Assert.False(string.IsNullOrWhiteSpace(Page.QuerySelector("meta[name=description]")?.GetAttribute("content")));
    }

    [Fact]
    public void Notes_section_has_a_heading()
    {
        var section = Notes[0].Closest("section");
        Assert.NotNull(section);
        var labelledBy = section.GetAttribute("aria-labelledby");
        Assert.NotNull(labelledBy);
        var heading = Page.GetElementById(labelledBy);
        Assert.NotNull(heading);
        Assert.Matches("^H[1-6]$", heading.TagName);
        Assert.False(string.IsNullOrWhiteSpace(heading.TextContent));
    }
}
