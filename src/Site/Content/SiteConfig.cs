using System.Text.RegularExpressions;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>Site-wide settings from content/site.yml.</summary>
internal sealed partial record SiteConfig(
    string Title,
    string Language,
    string? Author,
    string? Description,
    Uri? BaseUrl,
    bool AllowHtml)
{
    public const string FileName = "site.yml";

    private static readonly string[] Keys = ["title", "language", "author", "description", "base_url", "allow_html", "verdicts", "default_theme", "permalink", "menu", "paginate"];

    public static SiteConfig Default { get; } = new("Site", "en", null, null, null, false);

    /// <summary>Reads site.yml from the content folder; a missing file means defaults.</summary>
    public static SiteConfig Load(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        if (!File.Exists(path))
        {
            return Default;
        }
        var file = SitePath.Display(path);
        if (TextFile.TryRead(path, file, DiagnosticCode.SiteSettings, "site settings", diagnostics) is not { } text
            || YamlTree.Parse(text, file, 1, diagnostics) is not { } root)
        {
            return Default;
        }
        if (root is not YamlMap map)
        {
            diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(file, root.Line, root.Column), "site.yml must be a mapping of settings, for example title: My site");
            return Default;
        }
        var fields = new YamlFields(map, file, diagnostics, "site.yml", Keys);
        var language = fields.String("language") ?? "en";
        if (!LanguageTag().IsMatch(language))
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node("language")!, $"'language' must be a language tag like en or en-GB, not '{language}'");
            language = "en";
        }
        Uri? baseUrl = null;
        if (fields.String("base_url") is { } baseText)
        {
            baseUrl = ParseBaseUrl(baseText, out var problem);
            if (baseUrl is null)
            {
                fields.Report(DiagnosticCode.BadValue, fields.Node("base_url")!, $"'base_url' {baseText} {problem}");
            }
        }
        return new SiteConfig(
            fields.String("title") ?? Default.Title,
            language,
            fields.String("author"),
            fields.String("description"),
            baseUrl,
            fields.Bool("allow_html") ?? false)
        {
            Verdicts = fields.Node("verdicts") is { } verdicts ? VerdictScale.Read(verdicts, file, diagnostics) : null,
            DefaultTheme = fields.Bool("default_theme") ?? true,
            Permalinks = ReadPermalink(fields),
            Menu = fields.Node("menu") is { } menu ? SiteMenu.Read(menu, file, diagnostics) : SiteMenu.Empty,
            Paginate = ReadPaginate(fields),
        };
    }

    /// <summary>Articles per page of the index and of each tag's page; null lists them all on one page.</summary>
    public int? Paginate { get; init; }

    private static int? ReadPaginate(YamlFields fields)
    {
        if (fields.String("paginate") is not { } text)
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= 10_000)
        {
            return size;
        }
        fields.Report(DiagnosticCode.BadValue, fields.Node("paginate")!, $"'paginate' must be a whole number of articles per page from 1 to 10000, not '{text}'");
        return null;
    }

    /// <summary>Whether the default theme inside the binary fills in every file the site's templates/ does not
    /// have; false for a complete theme of the site's own, so a file it leaves out stays out.</summary>
    public bool DefaultTheme { get; init; } = true;

    /// <summary>The desk's verdicts, or null: then fact-checks' verdicts are free text.</summary>
    public VerdictScale? Verdicts { get; init; }

    /// <summary>Where articles are published (<c>permalink:</c>); pages are always at <c>/{slug}/</c>.</summary>
    public PermalinkPattern Permalinks { get; init; } = PermalinkPattern.Default;

    /// <summary>The layout's navigation (<c>menu:</c>), in the order written.</summary>
    public SiteMenu Menu { get; init; } = SiteMenu.Empty;

    private static PermalinkPattern ReadPermalink(YamlFields fields)
    {
        if (fields.String("permalink") is null)
        {
            return PermalinkPattern.Default;
        }
        return PermalinkPattern.Read((YamlScalar)fields.Node("permalink")!, fields.File, fields.Diagnostics) ?? PermalinkPattern.Default;
    }

    /// <summary>The absolute URL of a path of the site (such as "my-article/"), when the site has a base URL.</summary>
    public string? Permalink(string path)
    {
        if (BaseUrl is not { } baseUrl)
        {
            return null;
        }
        // Called for every page, link and feed entry: a plain relative path (the usual slug) is the base URL
        // and the path as they are, which is what resolving it would give, without making a Uri for it.
        var root = baseUrl.AbsoluteUri;
        return root.EndsWith('/') && IsPlainPath(path) ? root + path : new Uri(baseUrl, path).AbsoluteUri;
    }

    /// <summary>Segments of unreserved ASCII characters, none "." or "..": nothing to escape, resolve or take as a scheme.</summary>
    private static bool IsPlainPath(string path)
    {
        if (path.AsSpan().ContainsAnyExcept(PlainCharacters) || path.StartsWith('/'))
        {
            return false;
        }
        foreach (var segment in path.AsSpan().Split('/'))
        {
            if (path.AsSpan(segment) is "." or "..")
            {
                return false;
            }
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> PlainCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");

    /// <summary>An absolute http(s) URL, normalised to end with a slash so relative paths resolve under it.
    /// Its path may hold any script (an IRI) or percent-encoded bytes: it is kept percent-encoded.</summary>
    /// <param name="problem">When null is returned, what is wrong, to follow the option's or key's name.</param>
    public static Uri? ParseBaseUrl(string text, out string problem)
    {
        problem = "";
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https") || uri.Host.Length == 0)
        {
            problem = "is not an absolute http or https URL, like https://example.org/news/";
        }
        else if (uri.UserInfo.Length > 0)
        {
            problem = "must not hold a user name or password: every page, the sitemap and the feed would publish it";
        }
        else if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"must not have a {(uri.Query.Length > 0 ? "query (?…)" : "fragment (#…)")}: it is the address of the folder the site is published in, which pages' addresses are made from";
        }
        else
        {
            return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
        }
        return null;
    }

    /// <summary>A BCP 47 language tag's shape: "en", "kk-KZ", "sr-Latn-RS".</summary>
    public static bool IsLanguageTag(string text) => LanguageTag().IsMatch(text);

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
