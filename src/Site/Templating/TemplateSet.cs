using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Site.Content;
using Site.Diagnostics;

namespace Site.Templating;

/// <summary>
/// Every template of templates/ (assets/ and i18n/ aside), parsed once per build. Renders with strict variables,
/// plain ScriptObject data (the AOT-safe path) and limits, so a broken or runaway template becomes a
/// positioned diagnostic rather than a crash or a hang.
/// </summary>
internal sealed partial class TemplateSet
{
    public const string AssetsFolder = "assets";

    /// <summary>Wraps every HTML page.</summary>
    public const string Layout = "layout.html";

    /// <summary>Every article's page.</summary>
    public const string Article = "article.html";

    /// <summary>The site's front page, listing every article.</summary>
    public const string Index = "index.html";

    /// <summary>Every standalone page (content/pages/) that names no template of its own.</summary>
    public const string Page = "page.html";

    /// <summary>The most characters one page may have: twice the largest article file, and a stop for a
    /// template that writes without end. Also Scriban's limit for one string, so it bounds a render's memory.</summary>
    public const int MaxPageChars = 16 * 1024 * 1024;

    /// <summary>A stop for a template that loops or recurses without end, which the other limits miss.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, Template> _templates;

    /// <summary>The templates by full path, as <c>include</c> finds them.</summary>
    private readonly (string Path, Template Template)[] _byPath;

    /// <summary>Scriban's built-in functions, made once per process and shared read-only by every render.</summary>
    private static readonly BuiltinModules Builtins = new();
    /// <summary>A context per thread, reset and reused page after page: a new one costs more than a small
    /// render, and its output buffer stays grown. Scriban's contexts are not thread-safe; pages render in parallel.</summary>
    private readonly ThreadLocal<TemplateContext?> _contexts = new();

    /// <summary>Each thread's outputs, kept across renders and template sets (see <see cref="PageOutput"/>, <see cref="Utf8Output"/>).</summary>
    [ThreadStatic]
    private static PageOutput? textOutput;

    [ThreadStatic]
    private static Utf8Output? utf8Output;
    private readonly RootedTemplateLoader _loader;
    private readonly string _dir;
    private readonly string _root;
    private readonly int _loopLimit;

    private TemplateSet(string root, Dictionary<string, Template> templates, int loopLimit)
    {
        _dir = root;
        _root = Path.GetFullPath(root);
        _templates = templates;
        _byPath = [.. templates.Select(t => (Path.Combine(_root, t.Key), t.Value))];
        _loader = new RootedTemplateLoader(_root);
        _loopLimit = loopLimit;
    }

    public bool HasErrors { get; private init; }

    /// <summary>The ids written literally in the templates (<c>id="main"</c>), with where each is written:
    /// headings avoid them, and a page that ends up with one twice is reported with both places.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FilePosition>> LiteralIds { get; private init; } = new Dictionary<string, IReadOnlyList<FilePosition>>();

    /// <param name="loopLimit">Iterations allowed per render, shared across nested loops; sized from the content.</param>
    /// <param name="withDefaultTheme">Whether the default theme fills in every template templates/ does not have.</param>
    public static TemplateSet Load(string templatesDir, IEnumerable<string> required, int loopLimit, bool withDefaultTheme, DiagnosticBag diagnostics)
    {
        var templates = new Dictionary<string, Template>(StringComparer.Ordinal);
        var hasErrors = false;
        var literalIds = new Dictionary<string, IReadOnlyList<FilePosition>>(StringComparer.Ordinal);
        foreach (var path in SiteTemplates(templatesDir, diagnostics, ref hasErrors))
        {
            var display = SitePath.Display(path);
            if (TextFile.TryRead(path, display, DiagnosticCode.TemplateParse, "template", diagnostics) is not { } text)
            {
                hasErrors = true;
                continue;
            }
            hasErrors |= Add(Path.GetRelativePath(templatesDir, path).Replace('\\', '/'), display, text);
        }
        // The default theme fills in every template the site's own templates/ does not have.
        var defaults = withDefaultTheme ? DefaultTheme.Files : [];
        foreach (var file in defaults.Where(f => IsTemplate(f.Name) && !templates.ContainsKey(f.Name)))
        {
            hasErrors |= Add(file.Name, DefaultTheme.Display(file.Name), file.Text);
        }
        foreach (var name in required.Where(n => !templates.ContainsKey(n)))
        {
            diagnostics.Report(DiagnosticCode.TemplateParse, new FilePosition(SitePath.Display(Path.Combine(templatesDir, name))), $"template '{name}' is missing; every site needs it");
            hasErrors = true;
        }
        return new TemplateSet(templatesDir, templates, loopLimit) { HasErrors = hasErrors, LiteralIds = literalIds };

        bool Add(string name, string display, string text)
        {
            AddLiteralIds(text, display, literalIds);
            var template = Template.Parse(text, display);
            foreach (var message in template.Messages)
            {
                // Scriban's parser warnings keep their severity: they do not fail the build.
                var diagnostic = new Diagnostic(DiagnosticCode.TemplateParse, FilePosition.FromZeroBased(display, message.Span.Start.Line, message.Span.Start.Column), message.Message);
                diagnostics.Add(message.Type == ParserMessageType.Error ? diagnostic : diagnostic with { Severity = Severity.Warning });
            }
            var found = new DiagnosticBag();
            ReproducibleTemplates.Check(template, display, found);
            diagnostics.AddRange(found.ToSortedList());
            templates[name] = template;
            return template.HasErrors || found.HasErrors;
        }
    }

    /// <summary>The template files of the site's own templates/, in ordinal order; none when it does not exist.</summary>
    private static IEnumerable<string> SiteTemplates(string templatesDir, DiagnosticBag diagnostics, ref bool hasErrors)
    {
        if (!Directory.Exists(templatesDir))
        {
            return [];
        }
        var assets = Path.Combine(Path.GetFullPath(templatesDir), AssetsFolder);
        var strings = Path.Combine(Path.GetFullPath(templatesDir), Localization.StringsFolder.Name);
        // assets/ is copied, not parsed (see Generation/Assets.cs); i18n/ holds strings tables, not templates.
        var links = new DiagnosticBag();
        var paths = FileTree.Files(templatesDir, templatesDir, links, entry => entry.FullName != assets && entry.FullName != strings);
        diagnostics.AddRange(links.ToSortedList());
        hasErrors |= links.HasErrors;
        return paths.Order(StringComparer.Ordinal);
    }

    /// <summary>A file of the theme that is a template: not under assets/ or i18n/.</summary>
    private static bool IsTemplate(string name) =>
        !name.StartsWith(AssetsFolder + "/", StringComparison.Ordinal) && !name.StartsWith(Localization.StringsFolder.Name + "/", StringComparison.Ordinal);

    private static void AddLiteralIds(string text, string display, Dictionary<string, IReadOnlyList<FilePosition>> ids)
    {
        foreach (System.Text.RegularExpressions.Match match in LiteralId().Matches(text))
        {
            var line = text.AsSpan(0, match.Index).Count('\n');
            var at = FilePosition.FromZeroBased(display, line, match.Index - (text.LastIndexOf('\n', match.Index - 1) + 1));
            var value = match.Groups[1].Value;
            ids[value] = ids.TryGetValue(value, out var known) ? [.. known, at] : [at];
        }
    }

    /// <summary>An id attribute whose value has no template expression in it.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\s)id\s*=\s*[""']([^""'{}<>\s]+)[""']")]
    private static partial System.Text.RegularExpressions.Regex LiteralId();

    public bool Contains(string name) => _templates.ContainsKey(name);

    /// <summary>The templates at the top of templates/: the pages' own, not partials.</summary>
    public IEnumerable<string> TopLevel => _templates.Keys.Where(name => !name.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>Renders <paramref name="name"/> with <paramref name="globals"/>; null (reported) on failure.</summary>
    /// <param name="url">The page's path from the site root, to name it in a message.</param>
    public string? Render(string name, ScriptObject globals, string url, DiagnosticBag diagnostics)
    {
        var output = textOutput ??= new PageOutput();
        try
        {
            return Evaluate(name, globals, output, diagnostics) is { } text && Fits(text.Length, name, url, diagnostics) ? text : null;
        }
        finally
        {
            output.Clear();
        }
    }

    /// <summary>Renders a whole file, UTF-8, written as it is rendered (see <see cref="Utf8Output"/>); null (reported) on failure.</summary>
    public byte[]? RenderUtf8(string name, ScriptObject globals, string url, DiagnosticBag diagnostics)
    {
        var output = utf8Output ??= new Utf8Output();
        try
        {
            return Evaluate(name, globals, output, diagnostics) is not null && Fits(output.Chars, name, url, diagnostics) ? output.ToArray() : null;
        }
        finally
        {
            output.Clear();
        }
    }

    /// <summary>Runs the template into <paramref name="output"/>: what Scriban's Render returns, or null (reported).</summary>
    private string? Evaluate(string name, ScriptObject globals, IScriptOutput output, DiagnosticBag diagnostics)
    {
        var template = _templates[name];
        using var timeout = new CancellationTokenSource(Timeout);
        // Taken from the thread: a render that fails leaves its context behind, not to be trusted again.
        var context = _contexts.Value ?? NewContext();
        _contexts.Value = null;
        context.CancellationToken = timeout.Token;
        context.PushGlobal(globals);
        context.PushOutput(output);
        try
        {
            var text = template.Render(context);
            context.PopOutput();
            context.Reset();
            Cache(context);
            _contexts.Value = context;
            return text;
        }
        catch (ScriptRuntimeException e)
        {
            var span = e.Span;
            diagnostics.Report(DiagnosticCode.TemplateRuntime, FilePosition.FromZeroBased(DisplayName(span.FileName, name), span.Start.Line, span.Start.Column), e.OriginalMessage);
        }
        catch (OperationCanceledException)
        {
            diagnostics.Report(DiagnosticCode.TemplateTimeout, new FilePosition(DisplayName(null, name)), $"template did not finish within {Timeout.TotalSeconds:0.#} s; is there an endless loop?");
        }
        return null;
    }

    /// <summary>Scriban cuts a longer value, and its output, to the limit plus "..." without a word: a page
    /// that long would be published incomplete.</summary>
    private bool Fits(long chars, string name, string url, DiagnosticBag diagnostics)
    {
        if (chars <= MaxPageChars)
        {
            return true;
        }
        diagnostics.Report(DiagnosticCode.PageTooLarge, new FilePosition(DisplayName(null, name)), $"the page '/{url}' is larger than {MaxPageChars / (1024 * 1024)} MB, the most one page may be; split the article or shorten the template's output");
        return false;
    }

    private TemplateContext NewContext()
    {
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            TemplateLoader = _loader,
            LoopLimit = _loopLimit,
            RecursiveLimit = 100,
            LimitToString = MaxPageChars,
            NewLine = "\n",
        };
        Cache(context);
        return context;
    }

    /// <summary>Hands every parsed template to the context for <c>include</c>; a reset empties its cache.</summary>
    private void Cache(TemplateContext context)
    {
        foreach (var (path, parsed) in _byPath)
        {
            context.CachedTemplates[path] = parsed;
        }
    }

    /// <summary>How the link check names a template, from the folder as given.</summary>
    public string DisplayPath(string name) => SitePath.Display(Path.Combine(_dir, name));

    private string DisplayName(string? spanFile, string name) =>
        string.IsNullOrEmpty(spanFile) ? SitePath.Display(Path.Combine(_root, name))
        : Path.IsPathRooted(spanFile) ? SitePath.Display(spanFile) : spanFile;
}
