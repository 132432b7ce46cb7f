using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Annotations;

/// <summary>A citation reads as its publisher and date, linked to the source itself.</summary>
internal sealed class HtmlSourceCitationRenderer : HtmlObjectRenderer<SourceCitation>
{
    protected override void Write(HtmlRenderer renderer, SourceCitation citation)
    {
        // An unknown key was reported as an error; nothing is written for it.
        if (citation.Source is not { } source)
        {
            return;
        }
        var text = source.DateDisplay is { } date ? $"{source.Publisher}, {date}" : source.Publisher;
        if (!renderer.EnableHtmlForInline)
        {
            // Plain text (an image's alt attribute, annotations.json): still escaped where the renderer escapes.
            renderer.WriteEscape(text);
            return;
        }
        renderer.Write("<a class=\"source-link\" href=\"").WriteEscapeUrl(source.Url).Write("\">").WriteEscape(text).Write("</a>");
    }
}
