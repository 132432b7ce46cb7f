using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace Site.Markdown.Tables;

/// <summary>Swaps Markdig's table renderer for <see cref="ScrollingTableRenderer"/>.</summary>
internal sealed class ScrollingTableExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // Registered after UsePipeTables(), so the table renderer exists to be wrapped.
        if (renderer is ArticleHtmlRenderer html && html.ObjectRenderers.Find<HtmlTableRenderer>() is { } table)
        {
            html.ObjectRenderers.Replace<HtmlTableRenderer>(new ScrollingTableRenderer(table, html.Text.Table));
        }
    }
}
