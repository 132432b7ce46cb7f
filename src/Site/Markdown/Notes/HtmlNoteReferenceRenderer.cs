using Markdig.Renderers;
using Markdig.Renderers.Html;
using Site.Localization;
using Site.Markdown.Annotations;

namespace Site.Markdown.Notes;

/// <summary>A reference is a real link to its note, numbered in the DOM text, and named for assistive tech
/// "Note N", or "Note N, fact-check" when the note has a type.</summary>
internal sealed class HtmlNoteReferenceRenderer(AnnotationSet annotations, PageText strings) : HtmlObjectRenderer<NoteReference>
{
    protected override void Write(HtmlRenderer renderer, NoteReference reference)
    {
        // Unresolved (reported), or inside an image's alt text, where only plain text may go (also reported).
        if (!annotations.References.TryGetValue(reference, out var resolved) || !renderer.EnableHtmlForInline)
        {
            return;
        }
        // The reference's label is its note's: labels match exactly.
        var (note, index) = resolved;
        var number = strings.Number(note.Number);
        if (reference.PreviousSibling is NoteReference previous && annotations.References.ContainsKey(previous))
        {
            // "[^a][^b]" would read "23" and copy as "23": a comma keeps the numbers apart on screen and in
            // copied text. Screen readers already hear two named links, so it is hidden from them.
            renderer.Write("<span class=\"note-sep\" aria-hidden=\"true\">,</span>");
        }
        renderer.Write("<a class=\"note-ref\" id=\"").WriteEscape(annotations.Ids.Reference(reference.Label, index))
            .Write("\" href=\"#").WriteEscape(annotations.Ids.Note(reference.Label))
            .Write("\" role=\"doc-noteref\" aria-label=\"").WriteEscape(strings.NoteName(note.Number, note.Kind)).Write("\"");
        if (index == 1)
        {
            // The note is laid out beside its first reference by CSS anchor positioning, without script.
            renderer.Write(" style=\"--anchor:").Write(AnnotationIds.ReferenceAnchor(note.Number)).Write("\"");
        }
        renderer.Write(">").WriteEscape(number).Write("</a>");
    }
}
