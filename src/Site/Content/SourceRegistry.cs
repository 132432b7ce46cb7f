using System.Globalization;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// Reads sources: a mapping of key → {title, publisher, url, date, archive}, as the <c>sources</c> key of
/// an article's front matter or as the whole of content/sources.yml (shared by every article).
/// </summary>
internal static class SourceRegistry
{
    public const string FileName = "sources.yml";

    private static readonly string[] Keys = ["title", "publisher", "url", "date", "archive"];

    public static IReadOnlyDictionary<string, Source> Empty { get; } = new Dictionary<string, Source>();

    /// <summary>content/sources.yml, or no sources when there is no such file.</summary>
    public static IReadOnlyDictionary<string, Source> LoadSiteSources(string contentDir, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentDir, FileName);
        if (!File.Exists(path))
        {
            return Empty;
        }
        var file = SitePath.Display(path);
        return TextFile.TryRead(path, file, DiagnosticCode.BadSource, "sources", diagnostics) is { } text && YamlTree.Parse(text, file, 1, diagnostics) is { } root
            ? Read(Unwrapped(root), file, diagnostics)
            : Empty;
    }

    /// <summary>The file may be written exactly as the front matter's key, under a <c>sources:</c> line: the
    /// README says they have the same shape. A source keyed "sources" holds title, url…, never other sources.</summary>
    private static YamlNode Unwrapped(YamlNode root)
    {
        if (root is not YamlMap { Entries: [var only] } || only.Key.Value != "sources")
        {
            return root;
        }
        var isSource = only.Value is YamlMap inner && inner.Entries.Any(e => Keys.Contains(e.Key.Value));
        return isSource ? root : only.Value;
    }

    public static IReadOnlyDictionary<string, Source> Read(YamlNode node, string file, DiagnosticBag diagnostics)
    {
        if (node is YamlScalar { IsPlain: true, Value: "" })
        {
            return Empty;
        }
        if (node is not YamlMap map)
        {
            diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(file, node.Line, node.Column), "sources must be a mapping of keys to sources, e.g. hrw-2022: {title: …, publisher: …, url: …, date: 2022-01-26}");
            return Empty;
        }
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        var byUrl = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Entries)
        {
            if (!Source.IsValidKey(key.Value))
            {
                diagnostics.Report(DiagnosticCode.BadSource, new FilePosition(file, key.Line, key.Column), $"source key '{key.Value}' is not allowed: use letters, digits, '-', '_' and '.'");
                continue;
            }
            if (value is not YamlMap)
            {
                diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(file, value.Line, value.Column), $"source '{key.Value}' must be a mapping with {string.Join(", ", Keys)}");
                continue;
            }
            var fields = new YamlFields((YamlMap)value, file, diagnostics, $"source '{key.Value}'", Keys);
            var title = fields.String("title", required: true);
            var publisher = fields.String("publisher", required: true);
            var url = HttpUrl(fields, "url", required: true);
            var archive = HttpUrl(fields, "archive", required: false);
            var date = fields.String("date");
            if (date is not null && !IsPartialDate(date))
            {
                fields.Report(DiagnosticCode.BadValue, fields.Node("date")!, $"source date must be 2022, 2022-01 or 2022-01-26, not '{date}'");
                date = null;
            }
            if (title is null || publisher is null || url is null)
            {
                continue;
            }
            var source = new Source(key.Value, title, publisher, url, date, archive, file, key.Line, key.Column);
            if (byUrl.TryGetValue(url, out var same))
            {
                diagnostics.Report(DiagnosticCode.SameSourceUrl, new FilePosition(file, key.Line, key.Column), $"sources '{same.Key}' and '{key.Value}' have the same URL; cite one key");
            }
            else
            {
                byUrl.Add(url, source);
            }
            sources.Add(key.Value, source);
        }
        return sources;
    }

    private static string? HttpUrl(YamlFields fields, string key, bool required)
    {
        var url = fields.String(key, required);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0))
        {
            fields.Report(DiagnosticCode.BadValue, fields.Node(key)!, $"source {key} must be an absolute http or https URL, not '{url}'");
            return null;
        }
        return url;
    }

    /// <summary>"2022", "2022-01" or "2022-01-26": a date as precise as the source gives it.</summary>
    public static bool IsPartialDate(string date) =>
        date.Length switch
        {
            4 => int.TryParse(date, NumberStyles.None, CultureInfo.InvariantCulture, out _),
            7 => PublishDate.TryParseDay(date + "-01", out _),
            10 => PublishDate.TryParseDay(date, out _),
            _ => false,
        };
}
