using Markdig.Renderers;
using Site.Localization;
using Site.Markdown.Annotations;
using Site.Templating;

namespace Site.Markdown.Notes;

/// <summary>
/// Writes the article's notes section: one list item per note, in number order, each with one back-link
/// per reference. The back-links come first in the note (DAISY guidance) and each has its own name,
/// "Back to reference 3 b", whose last word is the visible letter (WCAG 2.5.3, label in name).
/// </summary>
internal static class NotesSectionWriter
{
    public static void Write(HtmlRenderer renderer, AnnotationSet annotations, PageText strings)
    {
        if (annotations.Notes.Count == 0)
        {
            return;
        }
        SectionWriter.Open(renderer, "notes", annotations.Ids.NotesSection, strings.NotesHeading);
        foreach (var note in annotations.Notes)
        {
            WriteNote(renderer, note, annotations.Ids, strings);
        }
        SectionWriter.Close(renderer);
    }

    private static void WriteNote(HtmlRenderer renderer, Note note, AnnotationIds ids, PageText strings)
    {
        var kind = note.Kind;
        renderer.Write("<li class=\"note").Write(kind == NoteKind.Plain ? "" : " note--" + kind.Name()).Write("\" id=\"").WriteEscape(ids.Note(note.Label))
            // Anchor names for the wide layout: sit at the first reference (--ref), below the previous note
            // (--prev), and fit above the next note's reference (--next) until opened.
            .Write("\" style=\"--anchor:").Write(AnnotationIds.NoteAnchor(note.Number))
            .Write(";--ref:").Write(AnnotationIds.ReferenceAnchor(note.Number))
            .Write(";--prev:").Write(AnnotationIds.NoteAnchor(note.Number - 1))
            .Write(";--next:").Write(AnnotationIds.ReferenceAnchor(note.Number + 1)).Write("\">\n")
            .Write("<p class=\"note-head\"><span class=\"note-num\">").WriteEscape(strings.Number(note.Number)).Write("</span>");
        if (kind != NoteKind.Plain)
        {
            // The type is a word on the page, not a colour: it must survive print, dark mode and colour blindness.
            renderer.Write(" <span class=\"note-type\">").WriteEscape(strings.NoteType(kind)).Write("</span>");
        }
        for (var index = 1; index <= note.References.Count; index++)
        {
            var letter = note.References.Count == 1 ? "" : strings.ReferenceLetter(index);
            var shown = letter.Length > 0 ? " " + letter : "";
            renderer.Write(" <a class=\"note-back\" href=\"#").WriteEscape(ids.Reference(note.Label, index))
                .Write("\" role=\"doc-backlink\" aria-label=\"").WriteEscape(strings.BackToReference(note.Number, letter)).Write("\">")
                .Write("\u21A9\uFE0E").WriteEscape(shown).Write("</a>");
        }
        renderer.Write("</p>\n");
        // Opens a margin note the layout clipped; the theme shows it only then. A link to the note itself, so
        // it works without JavaScript (:target) and from the keyboard, and comes before the note's own links.
        renderer.Write("<a class=\"note-more\" href=\"#").WriteEscape(ids.Note(note.Label))
            .Write("\" aria-label=\"").WriteEscape(strings.MoreOfNote(note.Number)).Write("\">").WriteEscape(strings.More).Write("</a>\n");
        if (note.Type is { Kind: NoteKind.FactCheck } factCheck)
        {
            renderer.Write("<p class=\"note-verdict\"><span class=\"verdict\">").WriteEscape(factCheck.Verdict).Write("</span></p>\n")
                .Write("<p class=\"note-claim\">").Write(strings.ClaimHtml(Html.Escape(factCheck.Claim)!, Html.Escape(strings.ClaimOrigin(factCheck)))).Write("</p>\n");
        }
        if (note.Type.Entry is { } entry)
        {
            renderer.Write("<p class=\"note-entry\"><a href=\"#").WriteEscape(ids.Correction(entry)).Write("\">").WriteEscape(strings.SeeCorrection(entry)).Write("</a></p>\n");
        }
        renderer.Write("<div class=\"note-body\">\n");
        renderer.WriteChildren(note.Definition);
        renderer.EnsureLine();
        renderer.Write("</div>\n</li>\n");
    }
}
