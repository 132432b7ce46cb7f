using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;

namespace Site.Markdown;

/// <summary>
/// Links and images may point only at http, https, mailto, relative paths and #fragments. Markdig does
/// not sanitise URLs (javascript: and data: pass through it), so every link is checked here.
/// </summary>
internal static partial class LinkPolicy
{
    /// <summary>Reports links with a scheme that is not allowed, and returns the allowed ones with their
    /// 1-based positions, so later checks can point at the Markdown.</summary>
    public static IReadOnlyList<MarkdownLink> Check(MarkdownDocument document, string file, DiagnosticBag diagnostics)
    {
        var links = new List<MarkdownLink>();
        foreach (var inline in document.Descendants<Inline>())
        {
            var (url, kind) = inline switch
            {
                LinkInline link => (link.Url, link.IsImage ? "image" : "link"),
                AutolinkInline autolink => (autolink.Url, "link"),
                _ => (null, null),
            };
            if (url is null)
            {
                continue;
            }
            // CommonMark lets "<https://…>" stand in a link's text, and Markdig writes an <a> inside an <a>,
            // which no browser keeps: the reader would get the inner link where the author meant the outer.
            if (inline is AutolinkInline && inline.FirstParentOfType<LinkInline>() is { IsImage: false })
            {
                diagnostics.Report(DiagnosticCode.LinkInLink, inline.At(file),
                    $"link to '{Printable(url)}' inside another link's text: links cannot be nested; remove its angle brackets");
                continue;
            }
            if (IsAllowed(url))
            {
                var at = inline.At(file);
                links.Add(new MarkdownLink(url, at.Line, at.Column));
                continue;
            }
            // An error: the article is then not rendered, so the URL never reaches any HTML.
            diagnostics.Report(DiagnosticCode.LinkScheme, inline.At(file),
                $"{kind} to '{Printable(url)}' is not allowed: use http, https, mailto, a relative path or a #fragment");
        }
        return links;
    }

    public static bool IsAllowed(string url)
    {
        // Browsers drop tabs and newlines anywhere in a URL and trim controls and spaces around it, so
        // "java\tscript:" is still javascript:. Do the same before looking for a scheme.
        var cleaned = StrippedChars().Replace(url, "").Trim();
        var colon = cleaned.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }
        var delimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (delimiter >= 0 && delimiter < colon)
        {
            return true;
        }
        var scheme = cleaned[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("https", StringComparison.OrdinalIgnoreCase)
            || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
    }

    private static string Printable(string url)
    {
        var shown = StrippedChars().Replace(url, "?");
        return shown.Length > 60 ? shown[..60] + "…" : shown;
    }

    [GeneratedRegex(@"[\u0000-\u001F\u007F]")]
    private static partial Regex StrippedChars();
}
