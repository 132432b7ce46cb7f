using System.Globalization;
using Markdig.Renderers;

namespace Site.Markdown.Annotations;

/// <summary>
/// Writes the article's notes section: one list item per note, in number order, each with one back-link
/// per reference. The back-links come first in the note (DAISY guidance) and each has its own name,
/// "Back to reference 3 b", whose last word is the visible letter (WCAG 2.5.3, label in name).
/// </summary>
internal static class NotesSectionWriter
{
    public static void Write(HtmlRenderer renderer, string slug, IReadOnlyList<Note> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }
        renderer.Write("<section class=\"notes\" aria-labelledby=\"").WriteEscape(slug).Write("--notes\">\n")
            .Write("<h2 id=\"").WriteEscape(slug).Write("--notes\">Notes</h2>\n")
            .Write("<ol class=\"notes-list\">\n");
        foreach (var note in notes)
        {
            var number = note.Number.ToString(CultureInfo.InvariantCulture);
            var kind = note.Kind;
            renderer.Write("<li class=\"note").Write(kind == NoteKind.Plain ? "" : " note--" + kind.Name()).Write("\" id=\"").WriteEscape(note.Id)
                // Anchor names for the wide layout: sit at the first reference (--ref), below the previous note
                // (--prev), and fit above the next note's reference (--next) until opened.
                .Write("\" style=\"--anchor:--n").Write(number).Write(";--ref:--r").Write(number)
                .Write(";--prev:--n").Write((note.Number - 1).ToString(CultureInfo.InvariantCulture))
                .Write(";--next:--r").Write((note.Number + 1).ToString(CultureInfo.InvariantCulture)).Write("\">\n")
                .Write("<p class=\"note-head\"><span class=\"note-num\">").Write(number).Write("</span>");
            if (kind != NoteKind.Plain)
            {
                // The type is a word on the page, not a colour: it must survive print, dark mode and colour blindness.
                renderer.Write(" <span class=\"note-type\">").Write(kind.Label()).Write("</span>");
            }
            foreach (var reference in note.References)
            {
                var letter = note.References.Count == 1 ? "" : Letter(reference.Index);
                renderer.Write(" <a class=\"note-back\" href=\"#").WriteEscape(note.ReferenceId(reference.Index))
                    .Write("\" role=\"doc-backlink\" aria-label=\"Back to reference ").Write(number).Write(letter.Length > 0 ? " " + letter : "").Write("\">")
                    .Write("\u21A9\uFE0E").Write(letter.Length > 0 ? " " + letter : "").Write("</a>");
            }
            renderer.Write("</p>\n");
            if (kind == NoteKind.FactCheck)
            {
                renderer.Write("<p class=\"note-verdict\"><span class=\"verdict\">").WriteEscape(note.Definition.Verdict).Write("</span></p>\n")
                    .Write("<p class=\"note-claim\">Claim: <q>").WriteEscape(note.Definition.Claim).Write("</q>");
                if (note.Definition.Claimant is { } claimant)
                {
                    renderer.Write(" (").WriteEscape(claimant).Write(")");
                }
                renderer.Write("</p>\n");
            }
            renderer.Write("<div class=\"note-body\">\n");
            renderer.WriteChildren(note.Definition);
            renderer.EnsureLine();
            renderer.Write("</div>\n</li>\n");
        }
        renderer.Write("</ol>\n</section>\n");
    }

    /// <summary>a, b, … z, aa, ab, …: Wikipedia's labels for repeated references.</summary>
    private static string Letter(int index)
    {
        var label = "";
        for (var n = index; n > 0; n = (n - 1) / 26)
        {
            label = (char)('a' + ((n - 1) % 26)) + label;
        }
        return label;
    }
}
