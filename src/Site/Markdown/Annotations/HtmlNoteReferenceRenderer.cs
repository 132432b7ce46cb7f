using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Site.Markdown.Annotations;

/// <summary>A reference is a real link to its note, numbered in the DOM text, and named for assistive tech
/// "Note N", or "Note N, fact-check" when the note has a type.</summary>
internal sealed class HtmlNoteReferenceRenderer : HtmlObjectRenderer<NoteReference>
{
    protected override void Write(HtmlRenderer renderer, NoteReference reference)
    {
        // Unresolved (reported), or inside an image's alt text, where only plain text may go (also reported).
        if (reference.Note is not { } note || !renderer.EnableHtmlForInline)
        {
            return;
        }
        var number = note.Number.ToString(CultureInfo.InvariantCulture);
        renderer.Write("<a class=\"note-ref\" id=\"").WriteEscape(note.ReferenceId(reference.Index))
            .Write("\" href=\"#").WriteEscape(note.Id)
            .Write("\" role=\"doc-noteref\" aria-label=\"Note ").Write(number)
            .Write(note.Kind == NoteKind.Plain ? "" : ", " + note.Kind.Name()).Write("\"");
        if (reference.Index == 1)
        {
            // The note is laid out beside its first reference by CSS anchor positioning, without script.
            renderer.Write(" style=\"--anchor:--r").Write(number).Write("\"");
        }
        renderer.Write(">")
            .Write(number).Write("</a>");
    }
}
