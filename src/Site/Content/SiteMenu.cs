using Site.Diagnostics;

namespace Site.Content;

/// <summary>One link of the layout's navigation: its words and the site path it leads to, like <c>about/</c>.</summary>
internal sealed record MenuItem(string Title, string Url);

/// <summary>
/// The layout's navigation (site.yml <c>menu:</c>), in the order written. Each entry leads to a path of the
/// site, relative to its root, so the menu works under any base path and from disk; the link check
/// reports an entry that leads nowhere.
/// </summary>
internal sealed record SiteMenu(IReadOnlyList<MenuItem> Items)
{
    public static readonly SiteMenu Empty = new([]);

    private static readonly string[] Keys = ["title", "url"];

    public bool Equals(SiteMenu? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => Items.Count;

    /// <summary>The list under <c>menu:</c>, without the entries that are not allowed (reported).</summary>
    public static SiteMenu Read(YamlNode node, string file, DiagnosticBag diagnostics)
    {
        if (node is not YamlList list)
        {
            diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(file, node.Line, node.Column),
                "'menu' must be a list of links, each with title and url, e.g. - {title: About, url: about/}");
            return Empty;
        }
        var items = new List<MenuItem>();
        foreach (var item in list.Items)
        {
            if (item is not YamlMap map)
            {
                diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(file, item.Line, item.Column), "a menu entry must be a mapping with title and url");
                continue;
            }
            var fields = new YamlFields(map, file, diagnostics, "menu entry", Keys);
            var title = fields.String("title", required: true);
            var url = fields.String("url", required: true);
            if (url is not null && UrlProblem(url) is { } problem)
            {
                fields.Report(DiagnosticCode.BadValue, fields.Node("url")!, problem);
            }
            else if (title is not null && url is not null)
            {
                items.Add(new MenuItem(title, url));
            }
        }
        return new SiteMenu(items);
    }

    /// <summary>Why a menu URL is not a path inside the site, or null.</summary>
    private static string? UrlProblem(string url) =>
        url.Contains(':', StringComparison.Ordinal) || url.StartsWith('/') || url.StartsWith('\\')
        || url.Split('/').Contains("..") || url.Any(char.IsControl)
            ? $"menu url '{url}' must be a path of this site from its root, like about/ (not a full address, and without a leading '/')"
            : null;
}
