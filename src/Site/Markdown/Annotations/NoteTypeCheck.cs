using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>Reads each note's <c>{type key="value"}</c> block, and checks that a fact-check names its claim
/// and verdict (a phrase annotation's phrase is its claim by default) and cites a source.</summary>
internal static class NoteTypeCheck
{
    /// <summary>The type each definition declares; plain where it declares none or a wrong one (reported).</summary>
    public static NoteType Read(NoteDefinition definition, string file, DiagnosticBag diagnostics)
    {
        if (definition.Attributes is not { } attributes)
        {
            return NoteType.Plain;
        }
        var (label, at) = (definition.Label, definition.At(file));
        if (attributes.Problem is { } problem)
        {
            diagnostics.Report(DiagnosticCode.NoteType, at, $"note [^{label}]: {problem}");
            return NoteType.Plain;
        }
        if (!NoteKinds.ByName.TryGetValue(attributes.Type, out var kind))
        {
            diagnostics.Report(DiagnosticCode.NoteType, at, $"note [^{label}] has unknown type '{attributes.Type}'; use {string.Join(", ", NoteKinds.ByName.Keys)}");
            return NoteType.Plain;
        }
        foreach (var key in attributes.Values.Keys)
        {
            if (!NoteAttributes.Keys.Contains(key))
            {
                diagnostics.Report(DiagnosticCode.NoteType, at, $"note [^{label}] has unknown attribute '{key}'; a fact-check takes {string.Join(", ", NoteAttributes.Keys)}");
            }
            else if (kind != NoteKind.FactCheck)
            {
                diagnostics.Report(DiagnosticCode.NoteType, at, $"'{key}' applies only to fact-check notes, and [^{label}] is a {kind.Name()} note");
            }
        }
        return new NoteType(kind, attributes.Values.GetValueOrDefault("claim"), attributes.Values.GetValueOrDefault("verdict"), attributes.Values.GetValueOrDefault("claimant"));
    }

    /// <summary>A referenced fact-check's type with its claim filled in from its phrase; reports what is missing.</summary>
    public static NoteType CheckFactCheck(NoteType type, NoteDefinition definition, IEnumerable<NoteReference> references, string file, DiagnosticBag diagnostics)
    {
        if (type.Kind != NoteKind.FactCheck)
        {
            return type;
        }
        var claim = type.Claim ?? references.Select(r => r.Phrase).OfType<PhraseAnnotation>().Select(PlainText).FirstOrDefault();
        var (label, at) = (definition.Label, definition.At(file));
        if (string.IsNullOrWhiteSpace(type.Verdict))
        {
            diagnostics.Report(DiagnosticCode.FactCheckIncomplete, at, $"fact-check note [^{label}] needs a verdict, like verdict=\"Disputed\"");
        }
        if (string.IsNullOrWhiteSpace(claim))
        {
            diagnostics.Report(DiagnosticCode.FactCheckIncomplete, at, $"fact-check note [^{label}] needs the claim it checks: claim=\"…\", or annotate the claim's phrase with [phrase]{{^{label}}}");
        }
        return type with { Claim = claim };
    }

    /// <summary>A fact-check must cite a source: its reader needs to see what the verdict rests on.</summary>
    public static void CheckSourced(IEnumerable<NoteDraft> notes, string file, DiagnosticBag diagnostics)
    {
        foreach (var note in notes.Where(n => n.Type.Kind == NoteKind.FactCheck && n.Sources.Count == 0))
        {
            diagnostics.Report(DiagnosticCode.FactCheckWithoutSource, note.Definition.At(file), $"fact-check note [^{note.Definition.Label}] cites no source; cite one with [@key]");
        }
    }

    /// <summary>The words of a phrase, for a fact-check's default claim.</summary>
    private static string PlainText(ContainerInline phrase)
    {
        var text = new StringBuilder();
        foreach (var inline in phrase.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
            }
        }
        return text.ToString().Trim();
    }
}
