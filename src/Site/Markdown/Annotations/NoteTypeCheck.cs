using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Content;
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
            if (key == NoteAttributes.Entry)
            {
                if (kind != NoteKind.Correction)
                {
                    diagnostics.Report(DiagnosticCode.CorrectionEntry, at, $"'entry' applies only to correction notes, and [^{label}] is a {kind.Name()} note");
                }
            }
            else if (!NoteAttributes.Keys.Contains(key))
            {
                diagnostics.Report(DiagnosticCode.NoteType, at, $"note [^{label}] has unknown attribute '{key}'; a fact-check takes {string.Join(", ", NoteAttributes.Keys)}");
            }
            else if (kind != NoteKind.FactCheck)
            {
                diagnostics.Report(DiagnosticCode.NoteType, at, $"'{key}' applies only to fact-check notes, and [^{label}] is a {kind.Name()} note");
            }
        }
        var values = attributes.Values;
        return new NoteType(kind, values.GetValueOrDefault("claim"), values.GetValueOrDefault("verdict"), values.GetValueOrDefault("claimant"), Entry(values, kind, label, at, diagnostics))
        {
            ClaimDate = ClaimDate(values, kind, label, at, diagnostics),
            AppearanceKey = kind == NoteKind.FactCheck ? values.GetValueOrDefault(NoteAttributes.Appearance) : null,
        };
    }

    /// <summary>A fact-check's claim_date, dated as precisely as a source's date and no more.</summary>
    private static string? ClaimDate(IReadOnlyDictionary<string, string> values, NoteKind kind, NoteLabel label, FilePosition at, DiagnosticBag diagnostics)
    {
        if (kind != NoteKind.FactCheck || !values.TryGetValue(NoteAttributes.ClaimDate, out var text))
        {
            return null;
        }
        if (SourceRegistry.IsPartialDate(text))
        {
            return text;
        }
        diagnostics.Report(DiagnosticCode.NoteType, at, $"note [^{label}]: claim_date must be 2024, 2024-01 or 2024-01-03, not '{text}'");
        return null;
    }

    /// <summary>A fact-check's appearance names a source the article may cite: its own or the site's.</summary>
    public static void ResolveAppearances(IEnumerable<NoteDraft> notes, Article article, IReadOnlyDictionary<string, Source> siteSources, DiagnosticBag diagnostics)
    {
        foreach (var note in notes.Where(n => n.Type.AppearanceKey is not null))
        {
            var key = note.Type.AppearanceKey!;
            if (article.Sources.TryGetValue(key, out var source) || siteSources.TryGetValue(key, out source))
            {
                note.Type = note.Type with { Appearance = source };
                continue;
            }
            diagnostics.Report(DiagnosticCode.UndefinedSource, note.Definition.At(article.File),
                $"fact-check note [^{note.Definition.Label}] has appearance '{key}', which is not a source: add it to the article's sources or to content/{SourceRegistry.FileName}");
        }
    }

    private static int? Entry(IReadOnlyDictionary<string, string> values, NoteKind kind, NoteLabel label, FilePosition at, DiagnosticBag diagnostics)
    {
        if (kind != NoteKind.Correction || !values.TryGetValue(NoteAttributes.Entry, out var text))
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var entry) && entry > 0)
        {
            return entry;
        }
        diagnostics.Report(DiagnosticCode.CorrectionEntry, at, $"note [^{label}]: entry must be the number of a correction in the front matter, like entry=\"1\", not '{text}'");
        return null;
    }

    /// <summary>Each fact-check's verdict is on the desk's scale; without a scale, <paramref name="strict"/> warns
    /// that free-text verdicts cannot be compared across fact-checks.</summary>
    public static void CheckVerdicts(IEnumerable<Note> notes, VerdictScale? scale, bool strict, string file, DiagnosticBag diagnostics)
    {
        foreach (var note in notes.Where(n => n.Kind == NoteKind.FactCheck && n.Type.Verdict is not null))
        {
            var (verdict, at) = (note.Type.Verdict!, note.Definition.At(file));
            if (scale is null)
            {
                if (strict)
                {
                    diagnostics.Report(DiagnosticCode.FreeTextVerdict, at,
                        $"fact-check note [^{note.Label}] has the free-text verdict '{verdict}', which cannot be aggregated; define the desk's verdicts under 'verdicts:' in site.yml");
                }
                continue;
            }
            if (scale.Find(verdict) is null)
            {
                var hint = scale.Closest(verdict) is { } near ? $" (did you mean '{near.Name}'?)" : "";
                diagnostics.Report(DiagnosticCode.UnknownVerdict, at,
                    $"fact-check note [^{note.Label}] has verdict '{verdict}', which is not on the site's verdict scale{hint}; use one of: {string.Join(", ", scale.Verdicts.Select(v => v.Name))}");
            }
        }
    }

    /// <summary>A correction note's entry names one of the article's corrections.</summary>
    public static void CheckEntries(IEnumerable<Note> notes, int corrections, string file, DiagnosticBag diagnostics)
    {
        foreach (var note in notes.Where(n => n.Type.Entry is { } entry && entry > corrections))
        {
            var have = corrections == 0 ? "the article lists no corrections" : $"the article lists {corrections} correction(s)";
            diagnostics.Report(DiagnosticCode.CorrectionEntry, note.Definition.At(file), $"correction note [^{note.Label}] points to entry {note.Type.Entry}, but {have} under 'corrections:' in its front matter");
        }
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
