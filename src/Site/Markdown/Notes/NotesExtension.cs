using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Site.Markdown.Notes;

/// <summary>Registers note definitions, references and phrase annotations, and their HTML renderers.</summary>
internal sealed class NotesExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.BlockParsers.Contains<NoteDefinitionParser>())
        {
            // Before the paragraph parser, which would otherwise take "[^label]: text" as text.
            pipeline.BlockParsers.Insert(0, new NoteDefinitionParser());
        }
        if (!pipeline.InlineParsers.Contains<NoteReferenceParser>())
        {
            // Before the link parser: it claims both '[' and ']'.
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new NoteReferenceParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        // Notes render only with their article's resolution, which its renderer carries.
        if (renderer is ArticleHtmlRenderer html)
        {
            html.ObjectRenderers.AddIfNotAlready(new HtmlNoteDefinitionRenderer());
            html.ObjectRenderers.AddIfNotAlready(new HtmlNoteReferenceRenderer(html.Annotations, html.Text));
            html.ObjectRenderers.AddIfNotAlready(new HtmlPhraseAnnotationRenderer(html.Annotations));
        }
    }
}
