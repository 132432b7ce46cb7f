using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Site.Content;
using Site.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Generation;

/// <summary>
/// The editorial standards of the repository's sample content (content/): the seed text kept word for word,
/// every note sourced, every source properly credited, no weak hosts, and the two articles linked both ways.
/// The site is built once by <see cref="SampleSiteFixture"/>.
/// </summary>
public sealed partial class SampleContentTests(SampleSiteFixture site) : IClassFixture<SampleSiteFixture>
{
    private const string TimelineSlug = "january-2022-timeline";

    /// <summary>
    /// Hosts a source or link may not point to, and why: every one was met in the research behind the sample
    /// (the fact sheets in shared/research), so the list names the weak hosts the sample was actually offered.
    /// A host matches itself and its subdomains; any "staging." host is refused separately.
    /// </summary>
    private static readonly (string Host, string Why)[] WeakHosts =
    [
        ("scribd.com", "document-sharing site"),
        ("docslib.org", "document-sharing site"),
        ("genocidewatch.com", "site-builder placeholder page (\"your-title-what-s-your-blog-about\") re-hosting RFE/RL's text"),
        ("inquirycommission.com", "site-builder placeholder page (\"get-out-there-…\") re-hosting an NGO statement; original host unknown"),
        ("time.news", "aggregator"),
        ("pledgetimes.com", "aggregator"),
        ("urdupoint.com", "aggregator"),
        ("shepherdgazette.com", "aggregator"),
        ("informburodata.com", "aggregator"),
        ("ccbsnews.info", "aggregator"),
        ("opslens.com", "aggregator re-hosting RFE/RL's text"),
        ("devdiscourse.com", "aggregator"),
        ("marketscreener.com", "aggregator re-publishing Reuters"),
        ("bbabo.net", "aggregator"),
        ("my.ua", "aggregator"),
        ("chernayakobra.ru", "aggregator"),
        ("theglobaleye.it", "re-publisher without the original's date"),
        ("brightuzbekistan.uz", "re-publisher without the original's source"),
        ("eymaps.com", "Wikipedia mirror"),
        ("triviaquestions.online", "Wikipedia-derived quiz site"),
        ("trvlland.com", "travel site"),
    ];

    private static string Repo => RepoRoot.Find();

    private static string ContentDir => Path.Combine(Repo, "content");

    [Fact]
    public void The_seed_text_is_kept_word_for_word_in_the_sample_article()
    {
        var seed = File.ReadAllLines(Path.Combine(Repo, "src", "Site.Tests", "Generation", "sample-seed.txt"));
        var text = TextFile.Read(Path.Combine(ContentDir, SampleSiteFixture.SampleSlug + ".md"));
        var article = FrontMatter.Parse(text, "content/x.md", "x", new DiagnosticBag());
        Assert.NotNull(article);

        Assert.Equal(seed[0], article.Title);
        // Lines 2 and 3 of the seed, "0" and "300", are page counters scraped with it: dropped on purpose.
        Assert.Equal(["0", "300"], seed.Skip(1).Where(line => line.Length > 0).Take(2));
        var seedBody = string.Join("\n", seed.Skip(1).Where(line => line.Length > 0).Skip(2));
        Assert.Equal(Words(seedBody), Words(ProseWithoutAnnotations(article.Markdown)));
    }

    [Fact]
    public void Every_note_cites_at_least_one_source()
    {
        var notes = AnnotationFiles().SelectMany(file => file.RootElement.GetProperty("notes").EnumerateArray()
            .Select(note => (Article: file.RootElement.GetProperty("article").GetString(), Label: note.GetProperty("label").GetString(), Sources: note.GetProperty("sources").GetArrayLength())))
            .ToList();
        Assert.True(notes.Count >= 40, $"{notes.Count} notes in the sample content");
        Assert.All(notes, note => Assert.True(note.Sources > 0, $"{note.Article}: note [^{note.Label}] cites no source"));
    }

    [Fact]
    public void Every_fact_check_names_its_claim_and_when_and_where_it_was_made()
    {
        var factChecks = Directory.EnumerateFiles(ContentDir, "*.md", SearchOption.AllDirectories)
            .SelectMany(file => FactCheckBlock().Matches(File.ReadAllText(file)))
            .ToList();
        Assert.True(factChecks.Count >= 5, $"{factChecks.Count} fact-checks in the sample content");
        Assert.All(factChecks, block =>
        {
            // The build checks the date's form and that the venue is a defined source; here, that each is given.
            Assert.Contains(" claim=", block.Value, StringComparison.Ordinal);
            Assert.Contains(" claim_date=", block.Value, StringComparison.Ordinal);
            Assert.Contains(" appearance=", block.Value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_source_has_a_publisher_name_a_title_and_a_date_or_an_explicit_undated()
    {
        var sources = AllSources();
        Assert.True(sources.Count >= 50, $"{sources.Count} sources");
        Assert.All(sources, entry =>
        {
            var (source, lines) = entry;
            var where = $"{source.File}({source.Line}): source '{source.Key}'";
            Assert.False(string.IsNullOrWhiteSpace(source.Title), $"{where} has no title");
            // A title we supplied because the headline was not recorded is bracketed, never passed off as one.
            Assert.True(!source.Title.StartsWith('[') || source.Title.EndsWith(']'), $"{where}: a supplied title is wholly in [brackets]");
            Assert.False(string.IsNullOrWhiteSpace(source.Publisher), $"{where} has no publisher");
            Assert.False(BareDomain().IsMatch(source.Publisher), $"{where}: publisher '{source.Publisher}' is an address; write the outlet's name");
            var undated = lines.Select(line => UndatedComment().Match(line)).FirstOrDefault(m => m.Success);
            Assert.True(source.Date is not null ^ undated is not null, $"{where} needs either a date or an '# undated: reason' comment, not both or neither");
        });
    }

    [Fact]
    public void No_source_or_link_points_to_a_staging_placeholder_document_sharing_or_aggregator_host()
    {
        var urls = AllSources().Select(s => (Url: s.Source.Url, Where: $"source '{s.Source.Key}'"))
            .Concat(AllSources().Where(s => s.Source.Archive is not null).Select(s => (Url: s.Source.Archive!, Where: $"archive of '{s.Source.Key}'")))
            .Concat(BuiltPages().SelectMany(page => page.Document.QuerySelectorAll("a[href^='http']").Select(a => (Url: a.GetAttribute("href")!, Where: $"link on {page.Slug}/"))))
            .ToList();
        Assert.NotEmpty(urls);
        Assert.All(urls, url =>
        {
            var host = new Uri(url.Url).Host.ToLowerInvariant();
            Assert.False(host.StartsWith("staging.", StringComparison.Ordinal), $"{url.Where}: {url.Url} is on a staging server");
            var weak = WeakHosts.FirstOrDefault(w => host == w.Host || host.EndsWith("." + w.Host, StringComparison.Ordinal));
            Assert.True(weak.Host is null, $"{url.Where}: {url.Url} is on {weak.Host} ({weak.Why})");
        });
    }

    [Fact]
    public void The_timeline_and_the_sample_article_link_to_each_other()
    {
        Assert.True(site.Published, site.Diagnostics);
        var sample = site.Page(SampleSiteFixture.SampleSlug);
        var timeline = site.Page(TimelineSlug);
        Assert.Contains(sample.QuerySelectorAll(".notes a[href]"), a => a.GetAttribute("href")!.StartsWith($"../{TimelineSlug}/", StringComparison.Ordinal));
        Assert.Contains(timeline.QuerySelectorAll(".article-body a[href]"), a => a.GetAttribute("href") == $"../{SampleSiteFixture.SampleSlug}/");
        Assert.Contains(timeline.QuerySelectorAll(".notes a[href]"), a => a.GetAttribute("href")!.StartsWith($"../{SampleSiteFixture.SampleSlug}/#", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_event_in_the_timeline_carries_a_note()
    {
        Assert.True(site.Published, site.Diagnostics);
        var body = site.Page(TimelineSlug).QuerySelector(".article-body");
        Assert.NotNull(body);
        var events = body.QuerySelectorAll("p").ToList();
        Assert.True(events.Count >= 15, $"{events.Count} paragraphs");
        Assert.All(events, p => Assert.True(p.QuerySelector("a.note-ref") is not null, $"no note on: {p.TextContent[..Math.Min(80, p.TextContent.Length)]}"));
        Assert.True(body.QuerySelectorAll("h2").Length >= 10, "one heading per day or span of days");
    }

    [Fact]
    public void The_timeline_and_the_sample_article_share_the_site_wide_sources()
    {
        var files = AnnotationFiles().ToDictionary(f => f.RootElement.GetProperty("article").GetString()!);
        IEnumerable<string> Cited(string slug) => files[slug].RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("key").GetString()!);
        var shared = Cited(SampleSiteFixture.SampleSlug).Intersect(Cited(TimelineSlug)).ToList();
        var siteWide = SourceRegistry.LoadSiteSources(ContentDir, new DiagnosticBag());
        Assert.True(shared.Count >= 10, $"{shared.Count} sources cited by both");
        Assert.All(shared, key => Assert.True(siteWide.ContainsKey(key), $"'{key}' is cited by both articles but not in content/sources.yml"));
    }

    /// <summary>Every source of the content: content/sources.yml and each Markdown file's front matter
    /// <c>sources:</c>, with the raw lines of its entry (where an <c># undated:</c> comment would be).</summary>
    private static List<(Source Source, string[] Lines)> AllSources()
    {
        var found = new List<(Source, string[])>();
        var diagnostics = new DiagnosticBag();
        var registry = Path.Combine(ContentDir, SourceRegistry.FileName);
        Add(SourceRegistry.LoadSiteSources(ContentDir, diagnostics), File.ReadAllLines(registry));
        foreach (var file in Directory.EnumerateFiles(ContentDir, "*.md", SearchOption.AllDirectories))
        {
            var text = TextFile.Read(file);
            var split = FrontMatter.Split(text);
            Assert.NotNull(split);
            var yaml = YamlTree.Parse(text[split.Value.YamlStart..split.Value.Closing], SitePath.Display(file), 2, diagnostics);
            if (yaml is YamlMap map && map.Entries.FirstOrDefault(e => e.Key.Value == "sources").Value is { } sources)
            {
                Add(SourceRegistry.Read(sources, SitePath.Display(file), diagnostics), text.Split('\n'));
            }
        }
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToSortedList()));
        return found;

        void Add(IReadOnlyDictionary<string, Source> sources, string[] lines)
        {
            foreach (var source in sources.Values)
            {
                // The entry runs from its key to the next line indented no deeper than the key.
                var entry = lines.Skip(source.Line).TakeWhile(line => line.Trim().Length == 0 || Indent(line) >= source.Column).ToArray();
                found.Add((source, entry));
            }
        }
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private List<(string Slug, IDocument Document)> BuiltPages()
    {
        Assert.True(site.Published, site.Diagnostics);
        return [.. Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(site.Output, Path.GetDirectoryName(path)!))
            .Select(slug => (slug, site.Page(slug)))];
    }

    private List<JsonDocument> AnnotationFiles()
    {
        Assert.True(site.Published, site.Diagnostics);
        return [.. Directory.EnumerateFiles(site.Output, "annotations.json", SearchOption.AllDirectories).Select(path => JsonDocument.Parse(File.ReadAllText(path)))];
    }

    /// <summary>The article's prose as a reader sees it without the notes: note definitions cut, references
    /// dropped, annotated phrases reduced to their text, emphasis markers removed.</summary>
    private static string ProseWithoutAnnotations(string markdown)
    {
        var lines = markdown.Split('\n');
        var firstDefinition = Array.FindIndex(lines, line => NoteDefinition().IsMatch(line));
        var prose = string.Join("\n", firstDefinition < 0 ? lines : lines[..firstDefinition]);
        prose = AnnotatedPhrase().Replace(prose, m => m.Groups["phrase"].Value);
        prose = NoteReference().Replace(prose, "");
        return prose.Replace("**", "", StringComparison.Ordinal);
    }

    /// <summary>Words and punctuation marks in order: spacing is not compared, every character else is.</summary>
    private static List<string> Words(string text) => [.. WordOrMark().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\w+|[^\w\s]")]
    private static partial Regex WordOrMark();

    [GeneratedRegex(@"^\[\^[^\]]+\]:")]
    private static partial Regex NoteDefinition();

    [GeneratedRegex(@"\[\^[^\]\s]+\]")]
    private static partial Regex NoteReference();

    /// <summary>[phrase]{^label}; the phrase may hold one level of brackets.</summary>
    [GeneratedRegex(@"\[(?<phrase>(?:[^\[\]]|\[[^\]]*\])*)\]\{\^[^}\s]+\}")]
    private static partial Regex AnnotatedPhrase();

    [GeneratedRegex(@"\{fact-check[^}]*\}")]
    private static partial Regex FactCheckBlock();

    [GeneratedRegex(@"^\s*#\s*undated:\s*\S")]
    private static partial Regex UndatedComment();

    /// <summary>A publisher written as a bare lowercase address ("oq.gov.kz") instead of a name. Outlets
    /// whose name is their address are written as they write it ("Vlast.kz", "Life.ru").</summary>
    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+$")]
    private static partial Regex BareDomain();
}
