using System.Collections.Concurrent;
using Scriban.Runtime;
using Site.Diagnostics;

namespace Site.Localization;

/// <summary>
/// The words of a build in every language it uses: Site's own tables (the default theme's, built in),
/// then the theme's <c>templates/i18n/</c>, then the site's <c>content/i18n/</c>, each overriding the one
/// before key by key. Each language is resolved once, for the Markdown renderer (<see cref="PageText"/>)
/// and for templates (<c>t</c>), and shared by every page rendered in parallel.
/// </summary>
internal sealed class SiteStrings
{
    private const string ShippedFolder = "theme/" + StringsFolder.Name + "/";
    private static readonly Lazy<IReadOnlyList<StringsSource>> Shipped = new(ReadShipped);
    private static readonly Lazy<SiteStrings> BuiltInStrings = new(() => new SiteStrings(StringsCatalog.LoadShipped(Shipped.Value)));

    private readonly StringsCatalog _catalog;
    private readonly ConcurrentDictionary<string, (PageText Text, ScriptObject Template)> _languages = new(StringComparer.OrdinalIgnoreCase);

    private SiteStrings(StringsCatalog catalog, string fingerprint = "")
    {
        _catalog = catalog;
        Fingerprint = fingerprint;
    }

    /// <summary>Identifies the theme's and the site's tables: a page rendered with other words is stale.</summary>
    public string Fingerprint { get; }

    /// <summary>Site's own tables alone, for code that renders without a site (tests, the benchmark floor).</summary>
    public static SiteStrings BuiltIn => BuiltInStrings.Value;

    /// <summary>Loads the layers and reports their mistakes: errors as SITE090, gaps as SITE091.</summary>
    public static SiteStrings Load(string templatesDir, string contentDir, DiagnosticBag diagnostics)
    {
        var problems = new List<StringsProblem>();
        var theme = StringsFolder.Read(templatesDir, problems);
        var site = StringsFolder.Read(contentDir, problems);
        var overriding = CopiesShipped(theme) ? [] : theme;
        var catalog = overriding.Count == 0 && site.Count == 0 && problems.Count == 0
            ? BuiltIn._catalog
            : StringsCatalog.Load([Shipped.Value, overriding, site], problems);
        Report(catalog.Problems, diagnostics);
        var fingerprint = new Content.Fingerprint();
        foreach (var source in theme.Concat(site))
        {
            fingerprint.Add(source.File).Add(source.Text);
        }
        return new SiteStrings(catalog, fingerprint.Finish());
    }

    /// <summary>Whether every table of the theme is word for word one of Site's own (the repository's templates/,
    /// an ejected theme): such a layer overrides nothing, and Site's own tables have no problems to report
    /// under the theme's names, so it need not be parsed and checked again.</summary>
    private static bool CopiesShipped(List<StringsSource> theme) =>
        theme.All(table => Shipped.Value.Any(own => own.Text == table.Text
            && string.Equals(Path.GetFileName(own.File), Path.GetFileName(table.File), StringComparison.Ordinal)));

    /// <summary>Warns once per language of the site that has no table, or whose table leaves texts out.</summary>
    /// <param name="uses">Each language and where it was chosen (site.yml or an article's front matter).</param>
    public void ReportGaps(IEnumerable<(string Language, FilePosition At)> uses, DiagnosticBag diagnostics)
    {
        foreach (var (language, at) in uses.DistinctBy(u => u.Language.ToLowerInvariant()))
        {
            var strings = _catalog.Resolve(language);
            if (!strings.HasTable)
            {
                diagnostics.Report(DiagnosticCode.MissingStrings, at,
                    $"there is no strings table for '{language}', so Site's own words on its pages are English; add i18n/{language}.yml (tables exist for {string.Join(", ", _catalog.Languages)})");
            }
            Report(strings.Problems, diagnostics);
        }
    }

    /// <summary>The words Site writes into an article in <paramref name="language"/>.</summary>
    public PageText Text(string language) => Get(language).Text;

    /// <summary>The template object <c>t</c> for <paramref name="language"/>: read-only, shared.</summary>
    public ScriptObject Template(string language) => Get(language).Template;

    private (PageText Text, ScriptObject Template) Get(string language) =>
        _languages.GetOrAdd(language, l =>
        {
            var strings = _catalog.Resolve(l);
            return (new PageText(strings), TemplateStrings.Create(strings));
        });

    private static void Report(IEnumerable<StringsProblem> problems, DiagnosticBag diagnostics)
    {
        foreach (var problem in problems)
        {
            diagnostics.Add(problem.ToDiagnostic(problem.Severity == Severity.Error ? DiagnosticCode.StringsTable.Id : DiagnosticCode.MissingStrings.Id));
        }
    }

    /// <summary>The default theme's tables, built into the program with the rest of the theme (see Site.csproj).</summary>
    private static List<StringsSource> ReadShipped()
    {
        var assembly = typeof(SiteStrings).Assembly;
        var sources = new List<StringsSource>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ShippedFolder, StringComparison.Ordinal) && n.EndsWith(".yml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            sources.Add(new StringsSource("(built in)/" + name[ShippedFolder.Length..], reader.ReadToEnd()));
        }
        return sources;
    }
}
