using Site.Diagnostics;

namespace Site.LinkHealth;

/// <summary>
/// Turns check results into diagnostics, one at every place a troubled link appears (a source at its entry
/// in front matter or sources.yml). All are warnings: a publisher's site going down is news for the desk,
/// not a mistake in the article, and <c>--strict</c> makes them fail a scheduled run.
/// </summary>
internal static class LinkFindings
{
    public static IReadOnlyList<Diagnostic> From(IEnumerable<LinkReport> reports) =>
        [.. reports
            .Select(r => (r.Link, Finding: Describe(r.Link, r.Result)))
            .Where(f => f.Finding is not null)
            .SelectMany(f => f.Link.Origins.Select(o => new Diagnostic(f.Finding!.Value.Code, new FilePosition(o.File, o.Line, o.Column), f.Finding.Value.Message)))
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ThenBy(d => d.Message, StringComparer.Ordinal)];

    private static (DiagnosticCode Code, string Message)? Describe(ExternalLink link, LinkResult result)
    {
        var subject = link.IsSource ? $"source {link.Url}" : link.Url;
        var sentence = $"{subject} {result.Message}";
        return result.Status switch
        {
            LinkStatus.Dead when !link.IsSource => (DiagnosticCode.DeadLink, sentence),
            LinkStatus.Dead when link.Archive is { } archive => (DiagnosticCode.DeadSourceWithArchive, $"{sentence}; readers can still use its archive copy, {archive}"),
            LinkStatus.Dead => (DiagnosticCode.DeadSourceWithoutArchive, $"{sentence}; add an `archive:` copy (for example from the Wayback Machine) so readers can still read it"),
            LinkStatus.Moved => (DiagnosticCode.Moved, sentence),
            LinkStatus.Slow => (DiagnosticCode.SlowLink, sentence),
            // A mailto: or tel: link is not a page that can die: nothing to report.
            LinkStatus.NotChecked when IsWeb(link.Url) => (DiagnosticCode.LinkNotChecked, sentence),
            _ => null,
        };
    }

    private static bool IsWeb(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
