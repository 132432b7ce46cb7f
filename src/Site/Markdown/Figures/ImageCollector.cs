using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;

namespace Site.Markdown.Figures;

/// <summary>
/// Every image of an article: each must describe itself (alt text, for readers who cannot see it), and each
/// local one is handed to the <see cref="ImageResolver"/>, which makes its sized variants or reports why not.
/// </summary>
internal static class ImageCollector
{
    /// <returns>The published form of each local image that could be published.</returns>
    public static Dictionary<LinkInline, PublishedImage> Collect(MarkdownDocument document, string file, ImageResolver? resolver, DiagnosticBag diagnostics)
    {
        var published = new Dictionary<LinkInline, PublishedImage>(ReferenceEqualityComparer.Instance);
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            var at = image.At(file);
            if (string.IsNullOrWhiteSpace(AltText(image)))
            {
                diagnostics.Report(DiagnosticCode.ImageWithoutAlt, at,
                    "image has no description: write what it shows between the brackets, ![Riot police in Almaty's Republic Square](photo.jpg), for readers who cannot see it");
            }
            if (resolver is not null && image.Url is { Length: > 0 } url && IsLocal(url) && resolver(url, at, diagnostics) is { } result)
            {
                published[image] = result;
            }
        }
        return published;
    }

    /// <summary>The image's description as plain text.</summary>
    public static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<Inline>().Select(inline => inline switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            AutolinkInline autolink => autolink.Url,
            LineBreakInline => " ",
            _ => "",
        }));

    /// <summary>A path inside the site, not an address elsewhere (LinkPolicy has refused other schemes).</summary>
    private static bool IsLocal(string url) =>
        !url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith('#');
}
