using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;

namespace Site.Markdown.Annotations;

/// <summary>
/// Matches references to definitions after parsing, numbers the notes by first reference, and reports
/// every annotation mistake with its position. Labels match exactly; near-misses are reported, not merged.
/// </summary>
internal static class AnnotationResolver
{
    public static IReadOnlyList<Note> Resolve(MarkdownDocument document, string markdown, string slug, string file, DiagnosticBag diagnostics)
    {
        var definitions = new List<NoteDefinition>();
        var references = new List<(NoteReference Reference, bool InNote, bool InLink)>();
        foreach (var block in document)
        {
            Collect(block, inNote: false);
        }

        void Collect(Block block, bool inNote)
        {
            switch (block)
            {
                case NoteDefinition definition:
                    definitions.Add(definition);
                    foreach (var child in definition)
                    {
                        Collect(child, inNote: true);
                    }
                    break;
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        Collect(child, inNote);
                    }
                    break;
                case LeafBlock { Inline: { } inline }:
                    CollectInlines(inline, inNote, inLink: false);
                    break;
            }
        }

        void CollectInlines(ContainerInline container, bool inNote, bool inLink)
        {
            ReportLiteralSyntax(container, markdown, file, diagnostics);
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case NoteReference reference:
                        references.Add((reference, inNote, inLink));
                        break;
                    case LinkInline link:
                        CollectInlines(link, inNote, inLink: inLink || !link.IsImage);
                        break;
                    case ContainerInline child:
                        CollectInlines(child, inNote, inLink);
                        break;
                }
            }
        }

        var byLabel = CheckDefinitions(definitions, file, diagnostics);
        var notes = new List<Note>();
        foreach (var (reference, inNote, inLink) in references)
        {
            var label = reference.Label;
            if (!IsValidLabel(label))
            {
                Report(diagnostics, file, reference.Line, reference.Column, "SITE010", $"annotation label '{label}' is not allowed: use letters, digits, '-' and '_'");
                continue;
            }
            if (inNote)
            {
                Report(diagnostics, file, reference.Line, reference.Column, "SITE016", $"annotation [^{label}] is inside a note; notes cannot have notes of their own");
                continue;
            }
            if (inLink)
            {
                Report(diagnostics, file, reference.Line, reference.Column, "SITE017", $"annotation [^{label}] is inside a link's text; move it after the link");
                continue;
            }
            if (!byLabel.TryGetValue(label, out var definition))
            {
                var near = byLabel.Keys.FirstOrDefault(k => Fold(k) == Fold(label));
                var hint = near is null ? "" : $" (did you mean [^{near}]? labels must match exactly)";
                Report(diagnostics, file, reference.Line, reference.Column, "SITE012", $"annotation [^{label}] has no definition{hint}");
                continue;
            }
            if (definition.Note is null)
            {
                definition.Note = new Note(slug, definition, notes.Count + 1);
                notes.Add(definition.Note);
            }
            reference.Note = definition.Note;
            definition.Note.References.Add(reference);
            reference.Index = definition.Note.References.Count;
        }
        foreach (var definition in byLabel.Values.Where(d => d.Note is null))
        {
            diagnostics.Warning(file, definition.Line + 1, definition.Column + 1, "SITE014", $"annotation [^{definition.Label}] is defined but never referenced");
        }
        return notes;
    }

    public static bool IsValidLabel(string label) =>
        label.Length > 0 && label.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    private static Dictionary<string, NoteDefinition> CheckDefinitions(List<NoteDefinition> definitions, string file, DiagnosticBag diagnostics)
    {
        var byLabel = new Dictionary<string, NoteDefinition>(StringComparer.Ordinal);
        var byFolded = new Dictionary<string, NoteDefinition>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            var (line, column) = (definition.Line + 1, definition.Column + 1);
            var label = definition.Label;
            if (!IsValidLabel(label))
            {
                diagnostics.Error(file, line, column, "SITE010", $"annotation label '{label}' is not allowed: use letters, digits, '-' and '_'");
                continue;
            }
            if (byLabel.TryGetValue(label, out var first))
            {
                diagnostics.Error(file, line, column, "SITE011", $"annotation [^{label}] is defined twice; the first definition is at line {first.Line + 1}");
                continue;
            }
            if (IsEmpty(definition))
            {
                diagnostics.Error(file, line, column, "SITE013", $"annotation [^{label}] is empty; write the note after the colon");
            }
            if (byFolded.TryGetValue(Fold(label), out var similar))
            {
                diagnostics.Warning(file, line, column, "SITE015", $"annotation labels [^{similar.Label}] (line {similar.Line + 1}) and [^{label}] differ only by case or accents; rename one");
            }
            else
            {
                byFolded.Add(Fold(label), definition);
            }
            byLabel.Add(label, definition);
        }
        return byLabel;
    }

    private static bool IsEmpty(NoteDefinition definition) =>
        definition.All(block => block is ParagraphBlock paragraph
            && (paragraph.Inline is null || paragraph.Inline.All(i => i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())));

    /// <summary>Case- and accent-insensitive form, to spot labels a reader would take for the same.</summary>
    private static string Fold(string label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var c in label.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>Annotation syntax that did not parse (a space in a label, "![^x]", an escape) would reach the
    /// reader as literal "[^x]"; it is reported instead. Literal runs are joined, since '[' is often its own node.</summary>
    private static void ReportLiteralSyntax(ContainerInline container, string markdown, string file, DiagnosticBag diagnostics)
    {
        var run = new StringBuilder();
        var starts = new List<(int Offset, LiteralInline Literal)>();
        foreach (var inline in container)
        {
            if (inline is LiteralInline literal)
            {
                starts.Add((run.Length, literal));
                run.Append(literal.Content.AsSpan());
                continue;
            }
            Flush();
        }
        Flush();

        void Flush()
        {
            var text = run.ToString();
            for (var at = text.IndexOf("[^", StringComparison.Ordinal); at >= 0; at = text.IndexOf("[^", at + 2, StringComparison.Ordinal))
            {
                var (offset, literal) = starts.Last(s => s.Offset <= at);
                var snippet = text[at..Math.Min(text.Length, at + 24)];
                // Literals made from a failed bracket carry no line, but their span (an offset) is right.
                var position = literal.Span.Start + at - offset;
                var lineStart = markdown.LastIndexOf('\n', Math.Clamp(position - 1, 0, markdown.Length - 1)) + 1;
                var line = markdown.AsSpan(0, lineStart).Count('\n');
                Report(diagnostics, file, line, position - lineStart, "SITE010",
                    $"'{snippet.Split(' ')[0]}' is not a valid annotation: labels use letters, digits, '-' and '_' without spaces (to show the syntax itself, use a `code span`)");
            }
            run.Clear();
            starts.Clear();
        }
    }

    private static void Report(DiagnosticBag diagnostics, string file, int line, int column, string code, string message) =>
        diagnostics.Error(file, line + 1, column + 1, code, message);
}
