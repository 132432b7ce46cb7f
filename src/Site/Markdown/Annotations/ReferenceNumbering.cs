using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>Matches references to definitions and numbers the notes by first reference. Only a reference
/// in the text, outside links, counts; every other one is reported.</summary>
internal static class ReferenceNumbering
{
    /// <returns>The referenced notes, by number.</returns>
    public static List<NoteDraft> Number(IReadOnlyList<Found<NoteReference>> references, IReadOnlyDictionary<NoteLabel, NoteDefinition> definitions, string file, DiagnosticBag diagnostics)
    {
        var notes = new List<NoteDraft>();
        var byDefinition = new Dictionary<NoteDefinition, NoteDraft>();
        foreach (var (reference, inNote, inLink) in references)
        {
            if (Problem(reference, inNote, inLink, definitions) is { } problem)
            {
                diagnostics.Report(problem.Code, reference.At(file), problem.Message);
                continue;
            }
            var definition = definitions[reference.Label];
            if (!byDefinition.TryGetValue(definition, out var note))
            {
                note = new NoteDraft(definition, notes.Count + 1);
                byDefinition.Add(definition, note);
                notes.Add(note);
            }
            note.References.Add(reference);
        }
        foreach (var definition in definitions.Values.Where(d => !byDefinition.ContainsKey(d)))
        {
            diagnostics.Report(DiagnosticCode.UnusedDefinition, definition.At(file), $"annotation [^{definition.Label}] is defined but never referenced");
        }
        return notes;
    }

    private static (DiagnosticCode Code, string Message)? Problem(NoteReference reference, NoteDefinition? inNote, bool inLink, IReadOnlyDictionary<NoteLabel, NoteDefinition> definitions)
    {
        var label = reference.Label;
        if (!label.IsValid)
        {
            return (DiagnosticCode.BadLabel, $"annotation label '{label}' is not allowed: use letters, digits, '-' and '_'");
        }
        if (inNote is not null)
        {
            return (DiagnosticCode.ReferenceInNote, $"annotation [^{label}] is inside a note; notes cannot have notes of their own");
        }
        if (inLink)
        {
            return (DiagnosticCode.ReferenceInLink, $"annotation [^{label}] is inside a link's text or an image's description; move it after the link or image");
        }
        if (definitions.ContainsKey(label))
        {
            return null;
        }
        var hint = NearMiss(label, definitions.Keys) is { } near ? $" (did you mean [^{near.Text}]? {near.Why}labels must match exactly)"
            : reference.NextSibling is LiteralInline next && next.Content.AsSpan().StartsWith(":")
                ? " (a definition must start a line at the top level, not inside a list or quote)"
                : "";
        return (DiagnosticCode.NoDefinition, $"annotation [^{label}] has no definition{hint}");
    }

    /// <summary>A defined label the reader would take for <paramref name="label"/>: differing by case or
    /// accents, or by a letter from another script drawn the same (UTS #39 confusables).</summary>
    private static (string Text, string Why)? NearMiss(NoteLabel label, IEnumerable<NoteLabel> defined)
    {
        var (folded, lookAlike) = (label.Folded, label.LookAlike);
        if (defined.FirstOrDefault(k => k.Folded == folded) is { Text: not null } near)
        {
            return (near.Text, "");
        }
        if (defined.FirstOrDefault(k => k.LookAlike == lookAlike) is { Text: not null } confusable)
        {
            var why = Confusables.Describe(label.Text, confusable.Text) is { } letter ? $"this one has {letter}; " : "";
            return (confusable.Text, why);
        }
        return null;
    }
}
