using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace Site.Markdown.Annotations;

/// <summary>Registers note definitions, references, phrase annotations and source citations, and their HTML renderers.</summary>
internal sealed class AnnotationExtension : IMarkdownExtension
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
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new SourceCitationParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }
        html.ObjectRenderers.AddIfNotAlready<HtmlNoteDefinitionRenderer>();
        html.ObjectRenderers.AddIfNotAlready<HtmlNoteReferenceRenderer>();
        html.ObjectRenderers.AddIfNotAlready<HtmlPhraseAnnotationRenderer>();
        html.ObjectRenderers.AddIfNotAlready<HtmlSourceCitationRenderer>();
    }
}
