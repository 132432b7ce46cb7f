using Markdig.Renderers;
using Markdig.Renderers.Html;
using Site.Markdown.Annotations;

namespace Site.Markdown.Notes;

/// <summary>Marks the annotated phrase; its reference link is rendered right after it by its own renderer.</summary>
internal sealed class HtmlPhraseAnnotationRenderer(AnnotationSet annotations) : HtmlObjectRenderer<PhraseAnnotation>
{
    protected override void Write(HtmlRenderer renderer, PhraseAnnotation phrase)
    {
        if (!annotations.References.TryGetValue(phrase.Reference, out var resolved) || !renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(phrase);
            return;
        }
        var (note, index) = resolved;
        renderer.Write("<mark class=\"note-phrase\" id=\"").WriteEscape(annotations.Ids.Phrase(note.Label, index))
            .Write("\" data-note=\"").WriteEscape(annotations.Ids.Note(note.Label)).Write("\">");
        renderer.WriteChildren(phrase);
        renderer.Write("</mark>");
    }
}
