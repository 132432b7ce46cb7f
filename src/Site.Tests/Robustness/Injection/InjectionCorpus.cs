using System.Text;
using Site.Diagnostics;
using Site.Generation;
using Site.Tests.Support;

namespace Site.Tests.Robustness.Injection;

/// <summary>What became of one vector in one place: published (its page is checked) or refused by the
/// build with an error diagnostic, which counts as safe.</summary>
internal sealed record Trial(string Vector, string Place, bool Refused, string? Error);

/// <summary>
/// Builds every vector in every place with the default theme and default settings, once per test class.
/// Each vector starts as one article holding it in all places; an article the build refuses is split in
/// two and built again, until every refusal is pinned to one place with its diagnostic. The articles
/// that build are then merged back, one per vector, so the browser has few pages to visit. site.yml and
/// content/sources.yml, one per site, get their own sites.
/// </summary>
public sealed class InjectionCorpus : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _templates;
    private readonly List<Trial> _trials = [];
    private int _sites;

    public InjectionCorpus()
    {
        _templates = _folder.Combine("templates");
        DirectoryTree.Replace(Path.Combine(RepoRoot.Find(), "templates"), _templates);
        BuildArticles();
        BuildSiteSettings();
        BuildSiteSources();
    }

    /// <summary>Every site's output folder is under here, each in a folder of its own.</summary>
    public string Root => _folder.Combine("sites");

    internal IReadOnlyList<Trial> Trials => _trials;

    public IEnumerable<string> Pages => Directory.EnumerateFiles(Root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    public string Summary =>
        $"{InjectionVectors.All.Count} vectors in {InjectionPlaces.All.Count + SiteFields.Length + SourceFields.Length} places: {_trials.Count} trials, "
        + $"{_trials.Count(t => !t.Refused)} published, {_trials.Count(t => t.Refused)} refused with a diagnostic, {Pages.Count()} pages in {_sites} sites";

    private static readonly string[] SiteFields = ["title", "description", "author"];

    private static readonly string[] SourceFields = ["title", "publisher", "url", "archive"];

    private const string SafeSettings = "title: Injection test\nlanguage: en\nbase_url: https://example.org/news/\n";

    private void BuildArticles()
    {
        var places = InjectionPlaces.All;
        var pending = InjectionVectors.All.Select(v => (Vector: v, Places: (IReadOnlyList<int>)Enumerable.Range(0, places.Count).ToList())).ToList();
        var accepted = new List<(Vector Vector, IReadOnlyList<int> Places)>();
        while (pending.Count > 0)
        {
            var content = Dictionary(pending.Select((unit, i) => ($"u{i}.md", Article(unit.Vector, unit.Places))));
            var errors = Build("probe", SafeSettings, content, publish: false);
            var next = new List<(Vector, IReadOnlyList<int>)>();
            for (var i = 0; i < pending.Count; i++)
            {
                var (vector, unitPlaces) = pending[i];
                if (!errors.TryGetValue($"u{i}.md", out var error))
                {
                    accepted.Add((vector, unitPlaces));
                }
                else if (unitPlaces.Count == 1)
                {
                    _trials.Add(new Trial(vector.Name, places[unitPlaces[0]].Name, true, error));
                }
                else
                {
                    next.Add((vector, unitPlaces.Take(unitPlaces.Count / 2).ToList()));
                    next.Add((vector, unitPlaces.Skip(unitPlaces.Count / 2).ToList()));
                }
            }
            pending = next;
        }

        // One article per vector with every place it was accepted in; should a merge fail, the parts.
        var merged = accepted.GroupBy(a => a.Vector).Select(g => (Vector: g.Key, Places: (IReadOnlyList<int>)g.SelectMany(a => a.Places).Order().ToList())).ToList();
        var final = Dictionary(merged.Select((unit, i) => ($"v{i}.md", Article(unit.Vector, unit.Places))));
        if (Build("articles", SafeSettings, final, publish: true).Count > 0)
        {
            final = Dictionary(accepted.Select((unit, i) => ($"v{i}.md", Article(unit.Vector, unit.Places))));
            Assert.Empty(Build("articles", SafeSettings, final, publish: true));
        }
        _trials.AddRange(merged.SelectMany(unit => unit.Places.Select(p => new Trial(unit.Vector.Name, places[p].Name, false, null))));
    }

    private void BuildSiteSettings()
    {
        var article = new Dictionary<string, string> { ["a.md"] = FactCheckArticle(["s"]) + "\n", };
        var sources = ArticleDraft.Source("s", indent: "");
        for (var v = 0; v < InjectionVectors.All.Count; v++)
        {
            var vector = InjectionVectors.All[v];
            string Settings(IEnumerable<string> fields) =>
                SafeSettings.Replace("title: Injection test\n", "", StringComparison.Ordinal)
                + string.Concat(fields.Select(f => $"{f}: {ArticleDraft.Yaml(vector.Text)}\n"))
                + (fields.Contains("title") ? "" : "title: Injection test\n");
            var errors = Build($"settings-{v}", Settings(SiteFields), article, publish: true, sources);
            if (errors.Count == 0)
            {
                _trials.AddRange(SiteFields.Select(f => new Trial(vector.Name, "site.yml " + f, false, null)));
                continue;
            }
            foreach (var field in SiteFields)
            {
                var error = Build($"settings-{v}-{field}", Settings([field]), article, publish: true, sources).Values.FirstOrDefault();
                _trials.Add(new Trial(vector.Name, "site.yml " + field, error is not null, error));
            }
        }
    }

    private void BuildSiteSources()
    {
        var combos = InjectionVectors.All.SelectMany(v => SourceFields.Select(f => (Vector: v, Field: f))).ToList();
        var keys = combos.Select((_, i) => $"k{i}").ToList();
        var live = Enumerable.Range(0, combos.Count).ToList();
        while (true)
        {
            // sources.yml holds one key per trial; each trial's article cites its key, so an error in an
            // article names its trial, and an error in sources.yml does by its line.
            var yaml = new StringBuilder();
            var firstLine = new Dictionary<int, int>();
            foreach (var i in live)
            {
                firstLine[i] = yaml.ToString().Count(c => c == '\n') + 1;
                var (vector, field) = combos[i];
                yaml.Append(field switch
                {
                    "title" => ArticleDraft.Source(keys[i], title: vector.Text, indent: ""),
                    "publisher" => ArticleDraft.Source(keys[i], publisher: vector.Text, indent: ""),
                    "url" => ArticleDraft.Source(keys[i], url: vector.Text, indent: ""),
                    _ => ArticleDraft.Source(keys[i], archive: vector.Text, indent: ""),
                });
            }
            var articles = Dictionary(live.Select(i => ($"r{i}.md", CitingArticle([keys[i]]))));
            var errors = Build("sources-probe", SafeSettings, articles, publish: false, yaml.ToString(), byLine: true);
            if (errors.Count == 0)
            {
                var all = new Dictionary<string, string> { ["all.md"] = CitingArticle(live.Select(i => keys[i])) };
                Assert.Empty(Build("sources", SafeSettings, all, publish: true, yaml.ToString()));
                _trials.AddRange(live.Select(i => new Trial(combos[i].Vector.Name, "sources.yml " + combos[i].Field, false, null)));
                return;
            }
            var failed = new HashSet<int>();
            foreach (var (where, error) in errors)
            {
                var trial = where.StartsWith('r') ? int.Parse(where[1..where.IndexOf('.')], System.Globalization.CultureInfo.InvariantCulture)
                    : firstLine.Where(f => f.Value <= int.Parse(where, System.Globalization.CultureInfo.InvariantCulture)).MaxBy(f => f.Value).Key;
                if (failed.Add(trial))
                {
                    _trials.Add(new Trial(combos[trial].Vector.Name, "sources.yml " + combos[trial].Field, true, error));
                }
            }
            live.RemoveAll(failed.Contains);
        }
    }

    private static string Article(Vector vector, IReadOnlyList<int> places)
    {
        var draft = new ArticleDraft();
        foreach (var p in places)
        {
            InjectionPlaces.All[p].Put(draft, vector.Text, $"p{p}");
        }
        return draft.Text();
    }

    private static string FactCheckArticle(IEnumerable<string> keys) =>
        "---\ntitle: A fact-check\ndate: 2024-01-02\nsummary: Checked.\n---\n\nA [claim]{^c} made.\n\n[^c]: {fact-check verdict=\"Disputed\"} See "
        + string.Join(", ", keys.Select(k => $"[@{k}]")) + ".\n";

    private static string CitingArticle(IEnumerable<string> keys) =>
        "---\ntitle: Citing\ndate: 2024-01-02\n---\n\n" + string.Concat(keys.Select(k => $"Claim.[^{k}]\n\n[^{k}]: See [@{k}].\n\n"));

    private static Dictionary<string, string> Dictionary(IEnumerable<(string Name, string Text)> files) => files.ToDictionary(f => f.Name, f => f.Text);

    /// <summary>Builds a site; returns its errors, the first per article file (or per sources.yml line
    /// with <paramref name="byLine"/>). An error anywhere else fails the test: the corpus itself is broken.</summary>
    private Dictionary<string, string> Build(string name, string settings, Dictionary<string, string> articles, bool publish, string? sources = null, bool byLine = false)
    {
        var site = _folder.Combine("work/" + name);
        if (Directory.Exists(site))
        {
            Directory.Delete(site, recursive: true);
        }
        _folder.Write($"work/{name}/site.yml", settings);
        if (sources is not null)
        {
            _folder.Write($"work/{name}/sources.yml", sources);
        }
        foreach (var (file, text) in articles)
        {
            _folder.Write($"work/{name}/{file}", text);
        }
        var output = Path.Combine(Root, name);
        var options = new BuildOptions(site, _templates, output);
        var result = publish ? SiteBuilder.Build(options) : SiteBuilder.Build(options, new MemoryOutput());
        var errors = new Dictionary<string, string>();
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == Severity.Error))
        {
            var file = Path.GetFileName(diagnostic.File);
            var key = byLine && file == "sources.yml" ? diagnostic.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : file;
            // Errors belong to an article, or to the settings or sources file a trial put the vector in.
            Assert.True(articles.ContainsKey(file) || (file == "site.yml" && settings != SafeSettings) || (byLine && file == "sources.yml"), $"the corpus itself is broken: {diagnostic}");
            errors.TryAdd(key, diagnostic.ToString());
        }
        if (publish && errors.Count == 0)
        {
            _sites++;
        }
        return errors;
    }

    public void Dispose() => _folder.Dispose();
}
