using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Tables;

/// <summary>Wraps each table in a focusable scrolling region, so a wide table scrolls inside the text
/// column instead of spilling into the margin where notes sit.</summary>
/// <param name="name">The region's accessible name.</param>
internal sealed class ScrollingTableRenderer(HtmlTableRenderer inner, string name) : HtmlObjectRenderer<Table>
{
    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"table-wrap\" role=\"region\" aria-label=\"").WriteEscape(name).Write("\" tabindex=\"0\">\n");
        ((IMarkdownObjectRenderer)inner).Write(renderer, table);
        renderer.EnsureLine();
        renderer.Write("</div>\n");
    }
}
