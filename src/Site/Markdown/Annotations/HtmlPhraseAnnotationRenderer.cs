using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Annotations;

/// <summary>Marks the annotated phrase; its reference link is rendered right after it by its own renderer.</summary>
internal sealed class HtmlPhraseAnnotationRenderer : HtmlObjectRenderer<PhraseAnnotation>
{
    protected override void Write(HtmlRenderer renderer, PhraseAnnotation phrase)
    {
        if (phrase.Reference.Note is not { } note || !renderer.EnableHtmlForInline)
        {
            renderer.WriteChildren(phrase);
            return;
        }
        renderer.Write("<mark class=\"note-phrase\" id=\"").WriteEscape(note.PhraseId(phrase.Reference.Index))
            .Write("\" data-note=\"").WriteEscape(note.Id).Write("\">");
        renderer.WriteChildren(phrase);
        renderer.Write("</mark>");
    }
}
