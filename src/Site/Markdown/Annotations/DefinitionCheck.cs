using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Markdown.Comments;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>Checks every definition's label and text; returns the usable definitions by label. Labels
/// match exactly: near-misses are reported, not merged.</summary>
internal static class DefinitionCheck
{
    public static Dictionary<NoteLabel, NoteDefinition> Check(IReadOnlyList<NoteDefinition> definitions, string file, DiagnosticBag diagnostics)
    {
        var byLabel = new Dictionary<NoteLabel, NoteDefinition>();
        var byLookAlike = new Dictionary<string, NoteDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var (label, at) = (definition.Label, definition.At(file));
            if (!label.IsValid)
            {
                diagnostics.Report(DiagnosticCode.BadLabel, at, $"annotation label '{label}' is not allowed: use letters, digits, '-' and '_'");
                continue;
            }
            if (byLabel.TryGetValue(label, out var first))
            {
                diagnostics.Report(DiagnosticCode.DuplicateDefinition, at, $"annotation [^{label}] is defined twice; the first definition is at line {first.At(file).Line}");
                continue;
            }
            if (IsEmpty(definition))
            {
                diagnostics.Report(DiagnosticCode.EmptyNote, at, $"annotation [^{label}] is empty; write the note after the colon");
            }
            var lookAlike = label.LookAlike;
            if (!byLookAlike.TryAdd(lookAlike, definition))
            {
                var similar = byLookAlike[lookAlike];
                var how = similar.Label.Folded == label.Folded ? "by case or accents" : "by letters that look alike";
                diagnostics.Report(DiagnosticCode.SimilarLabels, at, $"annotation labels [^{similar.Label}] (line {similar.At(file).Line}) and [^{label}] differ only {how}; rename one");
            }
            byLabel.Add(label, definition);
        }
        return byLabel;
    }

    /// <summary>Nothing a reader would see: blank text and editorial comments.</summary>
    private static bool IsEmpty(NoteDefinition definition) =>
        definition.All(block => block is CommentBlock || (block is ParagraphBlock paragraph
            && (paragraph.Inline is null || paragraph.Inline.All(i => i is CommentInline || (i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())))));
}
