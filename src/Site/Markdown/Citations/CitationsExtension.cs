using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Site.Markdown.Citations;

/// <summary>Registers <c>[@key]</c> source citations and their HTML renderer.</summary>
internal sealed class CitationsExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<SourceCitationParser>())
        {
            // Before the link parser, which would otherwise take "[@key]" as a link's text.
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new SourceCitationParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is ArticleHtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready(new HtmlSourceCitationRenderer(html.Annotations, html.Text));
        }
    }
}
