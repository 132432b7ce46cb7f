using Site.Diagnostics;

namespace Site.LinkHealth;

/// <summary>
/// Turns check results into diagnostics, one at every place a troubled link appears (a source at its entry
/// in front matter or sources.yml). All are warnings: a publisher's site going down is news for the desk,
/// not a mistake in the article, and <c>--strict</c> makes them fail a scheduled run. The codes are
/// proposals until the diagnostic catalogue takes them.
/// </summary>
internal static class LinkFindings
{
    public const string DeadLink = "SITE053";
    public const string DeadSourceWithoutArchive = "SITE054";
    public const string DeadSourceWithArchive = "SITE055";
    public const string Moved = "SITE056";
    public const string Slow = "SITE057";
    public const string NotChecked = "SITE058";

    public static IReadOnlyList<Diagnostic> From(IEnumerable<LinkReport> reports) =>
        [.. reports
            .Select(r => (r.Link, Finding: Describe(r.Link, r.Result)))
            .Where(f => f.Finding is not null)
            .SelectMany(f => f.Link.Origins.Select(o => new Diagnostic(o.File, o.Line, o.Column, Severity.Warning, f.Finding!.Value.Code, f.Finding.Value.Message)))
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];

    private static (string Code, string Message)? Describe(ExternalLink link, LinkResult result)
    {
        var subject = link.IsSource ? $"source {link.Url}" : link.Url;
        var sentence = $"{subject} {result.Message}";
        return result.Status switch
        {
            LinkStatus.Dead when !link.IsSource => (DeadLink, sentence),
            LinkStatus.Dead when link.Archive is { } archive => (DeadSourceWithArchive, $"{sentence}; readers can still use its archive copy, {archive}"),
            LinkStatus.Dead => (DeadSourceWithoutArchive, $"{sentence}; add an `archive:` copy (for example from the Wayback Machine) so readers can still read it"),
            LinkStatus.Moved => (Moved, sentence),
            LinkStatus.Slow => (Slow, sentence),
            // A mailto: or tel: link is not a page that can die: nothing to report.
            LinkStatus.NotChecked when IsWeb(link.Url) => (NotChecked, sentence),
            _ => null,
        };
    }

    private static bool IsWeb(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
