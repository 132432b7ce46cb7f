using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.Tests.Support;

namespace Site.Tests.Generation;

/// <summary>
/// A small site whose one article has every kind of note (plain, context, definition, correction, two
/// fact-checks, one with a claimant), phrase and point references, a note referenced twice, an
/// article source with an archived copy and a site-wide source. Built once for <see cref="AnnotationsJsonTests"/>.
/// </summary>
public sealed class AnnotatedSite : IDisposable
{
    public const string Slug = "qantar";

    /// <summary>content/news/qantar.md. Line numbers of the body are in the comments of the tests.</summary>
    public const string Article = """
        ---
        title: "Qantar: what the notes say"
        date: 2024-01-04
        sources:
          gpo-2022-08:
            title: Information on the January events
            publisher: Prosecutor General's Office
            url: https://example.org/gpo?part=1&lang=en
            date: 2022-08
            archive: https://web.archive.org/web/2022/https://example.org/gpo
        ---
        Tokayev spoke of [$3 billion worth of *damage*]{^damage} during [Qantar]{^qantar}.
        Officials said 238 people died.[^toll]

        The toll was disputed.[^toll] Prices had [doubled]{^lpg}. The curfew ended on 19 January.[^curfew]
        Rights groups kept lists.[^lists]

        [^qantar]: {definition} **Qañtar** is the Kazakh word for [January](https://en.wikipedia.org/wiki/January).

        [^damage]: {fact-check verdict="Figures differ" claimant="Kassym-Jomart Tokayev"} Itemised tallies
            were lower: $209 million ([@gpo-2022-08]).

        [^toll]: {fact-check claim='"238 people died"' verdict="Official figure"} See [@gpo-2022-08] and
            [@hrw-2022-01-26].

        [^lpg]: {context} From 60 to 120 tenge a litre, <not> a typo & no markup.

        [^curfew]: {correction} An earlier version said 17 January.

        [^lists]: One list had 188 names.

            Another had `221`.

        """;

    public const string SiteSources = """
        hrw-2022-01-26:
          title: "Kazakhstan: Killings, Excessive Use of Force in Almaty"
          publisher: Human Rights Watch
          url: https://www.hrw.org/news/2022/01/26/kazakhstan-killings-excessive-use-force-almaty
          date: 2022-01-26

        """;

    public const string ArticleTemplate = """
        <article>
        <h1>{{ article.title }}</h1>
        {{ article.body }}{{ article.notes }}{{ article.sources }}</article>

        """;

    private readonly TestSite _site = new();

    public AnnotatedSite()
    {
        _site.With("templates/article.html", ArticleTemplate)
            .With("content/sources.yml", SiteSources)
            .With("content/news/qantar.md", Article);
        Build = _site.Build();
        if (Build.Result.Published)
        {
            Json = File.ReadAllText(_site.Path($"output/{Slug}/annotations.json"));
            Page = new HtmlParser().ParseDocument(File.ReadAllText(_site.Path($"output/{Slug}/index.html")));
        }
    }

    internal SiteBuild Build { get; }

    public string Json { get; } = "";

    public IDocument? Page { get; }

    public void Dispose() => _site.Dispose();
}

/// <summary><c>output/{slug}/annotations.json</c> (issue 8), parsed as an editor's tool would and checked field by field.</summary>
public sealed class AnnotationsJsonTests(AnnotatedSite site) : IClassFixture<AnnotatedSite>
{
    private static readonly string[] Lines = AnnotatedSite.Article.Split('\n');

    private JsonElement Root
    {
        get
        {
            Assert.True(site.Build.Result.Published, site.Build.ToString());
            return JsonDocument.Parse(site.Json).RootElement;
        }
    }

    private List<JsonElement> Notes => [.. Root.GetProperty("notes").EnumerateArray()];

    private JsonElement Note(string label) => Assert.Single(Notes, n => n.GetProperty("label").GetString() == label);

    private IDocument Page => site.Page!;

    [Fact]
    public void Site_builds_without_diagnostics()
    {
        Assert.True(site.Build.Result.Published, site.Build.ToString());
        DiagnosticAssert.Exactly(site.Build.Diagnostics);
    }

    [Fact]
    public void Names_the_article_its_title_and_its_file_inside_content()
    {
        Assert.Equal(["article", "title", "file", "notes", "sources"], Root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("qantar", Root.GetProperty("article").GetString());
        Assert.Equal("Qantar: what the notes say", Root.GetProperty("title").GetString());
        Assert.Equal("news/qantar.md", Root.GetProperty("file").GetString());
    }

    [Fact]
    public void Notes_are_listed_by_number_with_label_id_and_type()
    {
        Assert.Equal([1, 2, 3, 4, 5, 6], Notes.Select(n => n.GetProperty("number").GetInt32()));
        Assert.Equal(["damage", "qantar", "toll", "lpg", "curfew", "lists"], Notes.Select(n => n.GetProperty("label").GetString()));
        Assert.Equal(Notes.Select(n => "qantar--note-" + n.GetProperty("label").GetString()), Notes.Select(n => n.GetProperty("id").GetString()));
        Assert.Equal(["fact-check", "definition", "fact-check", "context", "correction", "plain"], Notes.Select(n => n.GetProperty("type").GetString()));
    }

    [Fact]
    public void Fact_checks_have_claim_verdict_and_claimant_and_other_notes_do_not()
    {
        string[] common = ["number", "label", "id", "type"];
        string[] rest = ["text", "definition", "sources", "references"];
        Assert.Equal([.. common, "claim", "verdict", "claimant", .. rest], Note("damage").EnumerateObject().Select(p => p.Name));
        // No claimant given: the key is left out, not null.
        Assert.Equal([.. common, "claim", "verdict", .. rest], Note("toll").EnumerateObject().Select(p => p.Name));
        Assert.All(Notes.Where(n => n.GetProperty("type").GetString() != "fact-check"), n => Assert.Equal([.. common, .. rest], n.EnumerateObject().Select(p => p.Name)));

        // The phrase is the claim by default, as plain text: the emphasis of "*damage*" is not in it.
        Assert.Equal("$3 billion worth of damage", Note("damage").GetProperty("claim").GetString());
        Assert.Equal("Figures differ", Note("damage").GetProperty("verdict").GetString());
        Assert.Equal("Kassym-Jomart Tokayev", Note("damage").GetProperty("claimant").GetString());
        // An explicit claim, in single quotes holding double quotes.
        Assert.Equal("\"238 people died\"", Note("toll").GetProperty("claim").GetString());
        Assert.Equal("Official figure", Note("toll").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Text_is_the_note_as_plain_text()
    {
        // No markup: emphasis, links and code spans are reduced to their text, citations to what the
        // reader sees, and the attribute block is not part of it. Nothing is HTML-escaped.
        Assert.Equal("Qañtar is the Kazakh word for January.", Note("qantar").GetProperty("text").GetString());
        Assert.Equal("Itemised tallies\nwere lower: $209 million (Prosecutor General's Office, August 2022).", Note("damage").GetProperty("text").GetString());
        Assert.Equal("See Prosecutor General's Office, August 2022 and\nHuman Rights Watch, 26 January 2022.", Note("toll").GetProperty("text").GetString());
        Assert.Equal("From 60 to 120 tenge a litre, <not> a typo & no markup.", Note("lpg").GetProperty("text").GetString());
        Assert.Equal("An earlier version said 17 January.", Note("curfew").GetProperty("text").GetString());
        Assert.Equal("One list had 188 names.\nAnother had 221.", Note("lists").GetProperty("text").GetString());
        Assert.All(Notes, n => Assert.DoesNotMatch(@"[*`{}\[\]]|</?(p|a|em|strong|code|mark|span|div)[ >]|&(amp|lt|gt|quot);", n.GetProperty("text").GetString()!));
        // Written as UTF-8, not as \u escapes.
        Assert.Contains("Qañtar", site.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_is_the_position_of_the_definition_in_the_file()
    {
        Assert.Equal(
            [(20, 1), (18, 1), (23, 1), (26, 1), (28, 1), (30, 1)],
            Notes.Select(n => (n.GetProperty("definition").GetProperty("line").GetInt32(), n.GetProperty("definition").GetProperty("column").GetInt32())));
        Assert.All(Notes, n => Assert.StartsWith(
            $"[^{n.GetProperty("label").GetString()}]:",
            At(n.GetProperty("definition").GetProperty("line").GetInt32(), n.GetProperty("definition").GetProperty("column").GetInt32()),
            StringComparison.Ordinal));
    }

    [Fact]
    public void Sources_of_a_note_are_its_cited_keys_in_order_of_citation()
    {
        Assert.Equal(["gpo-2022-08"], Keys(Note("damage").GetProperty("sources")));
        Assert.Equal(["gpo-2022-08", "hrw-2022-01-26"], Keys(Note("toll").GetProperty("sources")));
        Assert.All(Notes.Where(n => n.GetProperty("type").GetString() != "fact-check"), n => Assert.Empty(Keys(n.GetProperty("sources"))));
    }

    [Fact]
    public void References_have_their_ids_positions_and_phrase_ids()
    {
        var references = Notes.ToDictionary(n => n.GetProperty("label").GetString()!, n => n.GetProperty("references").EnumerateArray().ToList());

        // A phrase annotation's reference is at its "{^label}", right after the phrase, and has a phrase_id.
        AssertReference(references["damage"][0], "qantar--ref-damage-1", 12, 48, "qantar--phrase-damage-1");
        AssertReference(references["qantar"][0], "qantar--ref-qantar-1", 12, 73, "qantar--phrase-qantar-1");
        AssertReference(references["lpg"][0], "qantar--ref-lpg-1", 15, 51, "qantar--phrase-lpg-1");
        // A point reference is at its "[^label]", and has none.
        Assert.Equal(2, references["toll"].Count);
        AssertReference(references["toll"][0], "qantar--ref-toll-1", 13, 32, null);
        AssertReference(references["toll"][1], "qantar--ref-toll-2", 15, 23, null);
        AssertReference(references["curfew"][0], "qantar--ref-curfew-1", 15, 90, null);
        AssertReference(references["lists"][0], "qantar--ref-lists-1", 16, 26, null);
        Assert.All(references.Where(r => r.Key != "toll"), r => Assert.Single(r.Value));

        foreach (var (label, list) in references)
        {
            foreach (var reference in list)
            {
                var text = At(reference.GetProperty("line").GetInt32(), reference.GetProperty("column").GetInt32());
                Assert.StartsWith(reference.TryGetProperty("phrase_id", out _) ? $"{{^{label}}}" : $"[^{label}]", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Sources_list_each_cited_source_once_in_order_of_first_citation_with_the_notes_citing_it()
    {
        var sources = Root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(2, sources.Count);
        string[] fields = ["key", "title", "publisher", "url", "date", "archive", "cited_by"];
        Assert.All(sources, s => Assert.Equal(fields, s.EnumerateObject().Select(p => p.Name)));

        // From the article's front matter, with an archived copy.
        var gpo = sources[0];
        Assert.Equal("gpo-2022-08", gpo.GetProperty("key").GetString());
        Assert.Equal("Information on the January events", gpo.GetProperty("title").GetString());
        Assert.Equal("Prosecutor General's Office", gpo.GetProperty("publisher").GetString());
        Assert.Equal("https://example.org/gpo?part=1&lang=en", gpo.GetProperty("url").GetString());
        Assert.Equal("2022-08", gpo.GetProperty("date").GetString());
        Assert.Equal("https://web.archive.org/web/2022/https://example.org/gpo", gpo.GetProperty("archive").GetString());
        Assert.Equal(["damage", "toll"], Keys(gpo.GetProperty("cited_by")));

        // From content/sources.yml, without an archived copy: archive is null.
        var hrw = sources[1];
        Assert.Equal("hrw-2022-01-26", hrw.GetProperty("key").GetString());
        Assert.Equal("Kazakhstan: Killings, Excessive Use of Force in Almaty", hrw.GetProperty("title").GetString());
        Assert.Equal("Human Rights Watch", hrw.GetProperty("publisher").GetString());
        Assert.Equal("https://www.hrw.org/news/2022/01/26/kazakhstan-killings-excessive-use-force-almaty", hrw.GetProperty("url").GetString());
        Assert.Equal("2022-01-26", hrw.GetProperty("date").GetString());
        Assert.Equal(JsonValueKind.Null, hrw.GetProperty("archive").ValueKind);
        Assert.Equal(["toll"], Keys(hrw.GetProperty("cited_by")));
    }

    [Fact]
    public void Every_id_in_the_file_exists_in_the_page()
    {
        var pageReferences = Page.QuerySelectorAll("a.note-ref").Select(a => a.Id).ToList();
        var jsonReferences = Notes.SelectMany(n => n.GetProperty("references").EnumerateArray()).Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(pageReferences.Order(StringComparer.Ordinal), jsonReferences.Order(StringComparer.Ordinal));

        var items = Page.QuerySelectorAll("ol.notes-list > li").ToList();
        Assert.Equal(Notes.Select(n => n.GetProperty("id").GetString()), items.Select(li => li.Id));
        foreach (var note in Notes)
        {
            var id = note.GetProperty("id").GetString()!;
            var item = Page.GetElementById(id)!;
            Assert.Equal(note.GetProperty("number").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), item.QuerySelector(".note-num")?.TextContent);
            var type = note.GetProperty("type").GetString();
            Assert.Equal(type != "plain", item.ClassList.Contains("note--" + type));
            foreach (var reference in note.GetProperty("references").EnumerateArray())
            {
                var link = Page.GetElementById(reference.GetProperty("id").GetString()!);
                Assert.NotNull(link);
                Assert.Equal("a", link.LocalName);
                Assert.Equal("#" + id, link.GetAttribute("href"));
                // The note links back to each of its references.
                Assert.NotNull(item.QuerySelector($"a.note-back[href='#{link.Id}']"));
                if (reference.TryGetProperty("phrase_id", out var phraseId))
                {
                    var phrase = Page.GetElementById(phraseId.GetString()!);
                    Assert.NotNull(phrase);
                    Assert.Equal("mark", phrase.LocalName);
                    Assert.Equal(id, phrase.GetAttribute("data-note"));
                    Assert.Same(link, phrase.NextElementSibling);
                }
            }
        }

        var listed = Page.QuerySelectorAll("ol.sources-list > li").ToList();
        var sources = Root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(sources.Select(s => "qantar--source-" + s.GetProperty("key").GetString()), listed.Select(li => li.Id));
        for (var i = 0; i < sources.Count; i++)
        {
            Assert.Equal(
                Keys(sources[i].GetProperty("cited_by")).Select(label => "#qantar--note-" + label),
                listed[i].QuerySelectorAll("a.source-back").Select(a => a.GetAttribute("href")));
        }
    }

    [Fact]
    public void Article_without_notes_has_empty_lists()
    {
        using var other = new TestSite().With("content/plain.md", TestSite.Article("Nothing to annotate.\n", title: "Plain"));
        var build = other.Build();
        DiagnosticAssert.Exactly(build.Diagnostics);

        using var json = JsonDocument.Parse(File.ReadAllText(other.Path("output/plain/annotations.json")));
        Assert.Equal("plain", json.RootElement.GetProperty("article").GetString());
        Assert.Equal("plain.md", json.RootElement.GetProperty("file").GetString());
        Assert.Empty(json.RootElement.GetProperty("notes").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public void Source_never_cited_is_not_listed()
    {
        var article = TestSite.Article(
            "A claim.[^n]\n\n[^n]: See [@a].\n",
            extra: "sources:\n  a: {title: A, publisher: P, url: https://example.org/a}\n  b: {title: B, publisher: Q, url: https://example.org/b}\n");
        using var other = new TestSite().With("templates/article.html", AnnotatedSite.ArticleTemplate).With("content/x.md", article);
        var build = other.Build();
        DiagnosticAssert.Exactly(build.Diagnostics, ("content/x.md(6,3): warning SITE074:", "source 'b' is never cited"));

        using var json = JsonDocument.Parse(File.ReadAllText(other.Path("output/x/annotations.json")));
        Assert.Equal(["a"], json.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(other.Path("output/x/index.html")));
        Assert.Equal(["x--source-a"], page.QuerySelectorAll("li.source").Select(li => li.Id));
    }

    [Fact]
    public void Source_cited_only_by_an_unreferenced_note_is_not_listed()
    {
        var article = TestSite.Article(
            "A claim.[^n]\n\n[^n]: See [@a].\n\n[^draft]: Unused, but cites [@b].\n",
            extra: "sources:\n  a: {title: A, publisher: P, url: https://example.org/a}\n  b: {title: B, publisher: Q, url: https://example.org/b}\n");
        using var other = new TestSite().With("templates/article.html", AnnotatedSite.ArticleTemplate).With("content/x.md", article);
        var build = other.Build();
        Assert.True(build.Result.Published, build.ToString());
        // b is cited, but only by a note that is not published: it counts as never cited.
        DiagnosticAssert.Exactly(build.Diagnostics,
            ("content/x.md(6,3): warning SITE074:", "source 'b' is never cited"),
            ("content/x.md(12,1): warning SITE014:", "annotation [^draft] is defined but never referenced"));

        using var json = JsonDocument.Parse(File.ReadAllText(other.Path("output/x/annotations.json")));
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["a"], sources.Select(s => s.GetProperty("key").GetString()));
        Assert.Equal(["n"], Keys(sources[0].GetProperty("cited_by")));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(other.Path("output/x/index.html")));
        Assert.Equal(["x--source-a"], page.QuerySelectorAll("li.source").Select(li => li.Id));
        Assert.Equal(["#x--note-n"], page.QuerySelectorAll("li.source a.source-back").Select(a => a.GetAttribute("href")));
    }

    private static void AssertReference(JsonElement reference, string id, int line, int column, string? phraseId)
    {
        string[] fields = phraseId is null ? ["id", "line", "column"] : ["id", "line", "column", "phrase_id"];
        Assert.Equal(fields, reference.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, reference.GetProperty("id").GetString());
        Assert.Equal((line, column), (reference.GetProperty("line").GetInt32(), reference.GetProperty("column").GetInt32()));
        if (phraseId is not null)
        {
            Assert.Equal(phraseId, reference.GetProperty("phrase_id").GetString());
        }
    }

    /// <summary>The article's text from a 1-based position on.</summary>
    private static string At(int line, int column) => Lines[line - 1][(column - 1)..];

    private static List<string> Keys(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
