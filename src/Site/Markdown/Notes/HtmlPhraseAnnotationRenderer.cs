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
        var (label, index) = (phrase.Reference.Label, resolved.Index);
        renderer.Write("<mark class=\"note-phrase\" id=\"").WriteEscape(annotations.Ids.Phrase(label, index))
            .Write("\" data-note=\"").WriteEscape(annotations.Ids.Note(label)).Write("\">");
        renderer.WriteChildren(phrase);
        renderer.Write("</mark>");
    }
}
