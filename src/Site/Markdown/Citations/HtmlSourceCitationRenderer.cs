using Markdig.Renderers;
using Markdig.Renderers.Html;
using Site.Localization;
using Site.Markdown.Annotations;

namespace Site.Markdown.Citations;

/// <summary>A citation reads as its publisher and date, linked to the source itself.</summary>
internal sealed class HtmlSourceCitationRenderer(AnnotationSet annotations, PageText strings) : HtmlObjectRenderer<SourceCitation>
{
    protected override void Write(HtmlRenderer renderer, SourceCitation citation)
    {
        // An unknown key was reported as an error; nothing is written for it.
        if (!annotations.Citations.TryGetValue(citation, out var source))
        {
            return;
        }
        var text = strings.Citation(source);
        if (!renderer.EnableHtmlForInline)
        {
            // Plain text, as in an image's alt attribute: still escaped where the renderer escapes.
            renderer.WriteEscape(text);
            return;
        }
        renderer.Write("<a class=\"source-link\" href=\"").WriteEscapeUrl(source.Url).Write("\">").WriteEscape(text).Write("</a>");
    }
}
