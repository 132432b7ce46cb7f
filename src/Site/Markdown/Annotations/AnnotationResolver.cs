using System.Globalization;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Content;
using Site.Diagnostics;

namespace Site.Markdown.Annotations;

/// <summary>
/// Matches references to definitions and citations to sources after parsing, numbers the notes by first
/// reference, and reports every annotation mistake with its position. Labels match exactly; near-misses
/// are reported, not merged.
/// </summary>
internal sealed partial class AnnotationResolver
{
    private readonly string _markdown;
    private readonly string _slug;
    private readonly string _file;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<NoteDefinition> _definitions = [];
    private readonly List<(NoteReference Reference, NoteDefinition? InNote, bool InLink)> _references = [];
    private readonly List<(SourceCitation Citation, NoteDefinition? InNote, bool InLink)> _citations = [];

    private AnnotationResolver(string markdown, string slug, string file, DiagnosticBag diagnostics)
    {
        _markdown = markdown;
        _slug = slug;
        _file = file;
        _diagnostics = diagnostics;
    }

    public static AnnotationSet Resolve(MarkdownDocument document, Article article, IReadOnlyDictionary<string, Source> siteSources, DiagnosticBag diagnostics)
    {
        var resolver = new AnnotationResolver(article.Markdown, article.Slug, article.File, diagnostics);
        foreach (var block in document)
        {
            resolver.Collect(block, null);
        }
        var notes = resolver.ResolveReferences(resolver.CheckDefinitions());
        resolver.CheckKinds(notes);
        var sources = resolver.ResolveCitations(article, siteSources);
        foreach (var note in notes.Where(n => n.Kind == NoteKind.FactCheck && n.Sources.Count == 0))
        {
            resolver.Error(note.Definition, DiagnosticCode.FactCheckWithoutSource, $"fact-check note [^{note.Label}] cites no source; cite one with [@key]");
        }
        return new AnnotationSet(notes, sources);
    }

    public static bool IsValidLabel(string label) =>
        label.Length > 0 && label.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    private void Collect(Block block, NoteDefinition? note)
    {
        switch (block)
        {
            case NoteDefinition definition:
                _definitions.Add(definition);
                foreach (var child in definition)
                {
                    Collect(child, definition);
                }
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Collect(child, note);
                }
                break;
            case LeafBlock { Inline: { } inline }:
                CollectInlines(inline, note, inLink: false);
                break;
        }
    }

    private void CollectInlines(ContainerInline container, NoteDefinition? note, bool inLink)
    {
        ReportLiteralSyntax(container);
        foreach (var inline in container)
        {
            switch (inline)
            {
                case NoteReference reference:
                    _references.Add((reference, note, inLink));
                    break;
                case SourceCitation citation:
                    _citations.Add((citation, note, inLink));
                    break;
                case LinkInline link:
                    CollectInlines(link, note, inLink: true);
                    break;
                case ContainerInline child:
                    CollectInlines(child, note, inLink);
                    break;
            }
        }
    }

    private Dictionary<string, NoteDefinition> CheckDefinitions()
    {
        var byLabel = new Dictionary<string, NoteDefinition>(StringComparer.Ordinal);
        var byFolded = new Dictionary<string, NoteDefinition>(StringComparer.Ordinal);
        foreach (var definition in _definitions)
        {
            var label = definition.Label;
            if (!IsValidLabel(label))
            {
                Error(definition, DiagnosticCode.BadLabel, $"annotation label '{label}' is not allowed: use letters, digits, '-' and '_'");
                continue;
            }
            if (byLabel.TryGetValue(label, out var first))
            {
                Error(definition, DiagnosticCode.DuplicateDefinition, $"annotation [^{label}] is defined twice; the first definition is at line {first.At(_file).Line}");
                continue;
            }
            if (IsEmpty(definition))
            {
                Error(definition, DiagnosticCode.EmptyNote, $"annotation [^{label}] is empty; write the note after the colon");
            }
            if (byFolded.TryGetValue(Fold(label), out var similar))
            {
                Error(definition, DiagnosticCode.SimilarLabels, $"annotation labels [^{similar.Label}] (line {similar.At(_file).Line}) and [^{label}] differ only by case or accents; rename one");
            }
            else
            {
                byFolded.Add(Fold(label), definition);
            }
            ReadAttributes(definition);
            byLabel.Add(label, definition);
        }
        return byLabel;
    }

    private void ReadAttributes(NoteDefinition definition)
    {
        if (definition.Attributes is not { } attributes)
        {
            return;
        }
        var label = definition.Label;
        if (attributes.Problem is { } problem)
        {
            Error(definition, DiagnosticCode.NoteType, $"note [^{label}]: {problem}");
            return;
        }
        if (!NoteKinds.ByName.TryGetValue(attributes.Type, out var kind))
        {
            Error(definition, DiagnosticCode.NoteType, $"note [^{label}] has unknown type '{attributes.Type}'; use {string.Join(", ", NoteKinds.ByName.Keys)}");
            return;
        }
        definition.Kind = kind;
        foreach (var key in attributes.Values.Keys)
        {
            if (!NoteAttributes.Keys.Contains(key))
            {
                Error(definition, DiagnosticCode.NoteType, $"note [^{label}] has unknown attribute '{key}'; a fact-check takes {string.Join(", ", NoteAttributes.Keys)}");
            }
            else if (kind != NoteKind.FactCheck)
            {
                Error(definition, DiagnosticCode.NoteType, $"'{key}' applies only to fact-check notes, and [^{label}] is a {kind.Name()} note");
            }
        }
        definition.Claim = attributes.Values.GetValueOrDefault("claim");
        definition.Verdict = attributes.Values.GetValueOrDefault("verdict");
        definition.Claimant = attributes.Values.GetValueOrDefault("claimant");
    }

    private List<Note> ResolveReferences(Dictionary<string, NoteDefinition> byLabel)
    {
        var notes = new List<Note>();
        foreach (var (reference, inNote, inLink) in _references)
        {
            var label = reference.Label;
            if (!IsValidLabel(label))
            {
                Error(reference, DiagnosticCode.BadLabel, $"annotation label '{label}' is not allowed: use letters, digits, '-' and '_'");
                continue;
            }
            if (inNote is not null)
            {
                Error(reference, DiagnosticCode.ReferenceInNote, $"annotation [^{label}] is inside a note; notes cannot have notes of their own");
                continue;
            }
            if (inLink)
            {
                Error(reference, DiagnosticCode.ReferenceInLink, $"annotation [^{label}] is inside a link's text or an image's description; move it after the link or image");
                continue;
            }
            if (!byLabel.TryGetValue(label, out var definition))
            {
                var near = byLabel.Keys.FirstOrDefault(k => Fold(k) == Fold(label));
                var hint = near is not null ? $" (did you mean [^{near}]? labels must match exactly)"
                    : reference.NextSibling is LiteralInline next && next.Content.AsSpan().StartsWith(":")
                        ? " (a definition must start a line at the top level, not inside a list or quote)"
                        : "";
                Error(reference, DiagnosticCode.NoDefinition, $"annotation [^{label}] has no definition{hint}");
                continue;
            }
            if (definition.Note is null)
            {
                definition.Note = new Note(_slug, definition, notes.Count + 1);
                notes.Add(definition.Note);
            }
            reference.Note = definition.Note;
            definition.Note.References.Add(reference);
            reference.Index = definition.Note.References.Count;
        }
        foreach (var definition in byLabel.Values.Where(d => d.Note is null))
        {
            Error(definition, DiagnosticCode.UnusedDefinition, $"annotation [^{definition.Label}] is defined but never referenced");
        }
        return notes;
    }

    /// <summary>A fact-check names its claim and verdict; a phrase annotation's phrase is its claim by default.</summary>
    private void CheckKinds(List<Note> notes)
    {
        foreach (var note in notes.Where(n => n.Kind == NoteKind.FactCheck))
        {
            var definition = note.Definition;
            definition.Claim ??= note.References.Select(r => r.Phrase).OfType<PhraseAnnotation>().Select(PlainText).FirstOrDefault();
            if (string.IsNullOrWhiteSpace(definition.Verdict))
            {
                Error(definition, DiagnosticCode.FactCheckIncomplete, $"fact-check note [^{note.Label}] needs a verdict, like verdict=\"Disputed\"");
            }
            if (string.IsNullOrWhiteSpace(definition.Claim))
            {
                Error(definition, DiagnosticCode.FactCheckIncomplete, $"fact-check note [^{note.Label}] needs the claim it checks: claim=\"…\", or annotate the claim's phrase with [phrase]{{^{note.Label}}}");
            }
        }
    }

    private List<CitedSource> ResolveCitations(Article article, IReadOnlyDictionary<string, Source> siteSources)
    {
        foreach (var source in article.Sources.Values)
        {
            if (siteSources.TryGetValue(source.Key, out var shared))
            {
                _diagnostics.Report(DiagnosticCode.SourceDefinedTwice, new FilePosition(_file, source.Line, source.Column), $"source '{source.Key}' is also defined in {shared.File} (line {shared.Line}); use another key");
            }
            else if (siteSources.Values.FirstOrDefault(s => s.Url == source.Url) is { } sameUrl)
            {
                _diagnostics.Report(DiagnosticCode.SameSourceUrl, new FilePosition(_file, source.Line, source.Column), $"source '{source.Key}' has the same URL as '{sameUrl.Key}' in {sameUrl.File}; cite one key");
            }
        }
        var cited = new Dictionary<string, (Source Source, List<Note> Notes)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (citation, inNote, inLink) in _citations)
        {
            if (inNote is null)
            {
                Error(citation, DiagnosticCode.CitationOutsideNote, $"source citation [@{citation.Key}] is outside a note; cite sources in notes");
                continue;
            }
            if (inLink)
            {
                Error(citation, DiagnosticCode.CitationInLink, $"source citation [@{citation.Key}] is inside a link's text or an image's description; move it after the link or image");
                continue;
            }
            if (!article.Sources.TryGetValue(citation.Key, out var source) && !siteSources.TryGetValue(citation.Key, out source))
            {
                Error(citation, DiagnosticCode.UndefinedSource, $"source [@{citation.Key}] is not defined: add it to the article's sources or to content/{SourceRegistry.FileName}");
                continue;
            }
            citation.Source = source;
            if (inNote.Note is null)
            {
                // An unreferenced note is not published (and is reported), so its citations do not count.
                continue;
            }
            if (!cited.TryGetValue(source.Key, out var entry))
            {
                entry = (source, []);
                cited.Add(source.Key, entry);
                order.Add(source.Key);
            }
            var note = inNote.Note;
            if (!note.Sources.Contains(source))
            {
                note.Sources.Add(source);
            }
            if (!entry.Notes.Contains(note))
            {
                entry.Notes.Add(note);
            }
        }
        foreach (var source in article.Sources.Values.Where(s => !cited.ContainsKey(s.Key)))
        {
            _diagnostics.Report(DiagnosticCode.UncitedSource, new FilePosition(_file, source.Line, source.Column), $"source '{source.Key}' is never cited");
        }
        // Reading order: by the first note (by number) that cites each source, then by place in that note.
        return [.. order
            .Select((key, index) => (Cited: new CitedSource(cited[key].Source, cited[key].Notes.OrderBy(n => n.Number).ToList()), Index: index))
            .OrderBy(x => x.Cited.CitedBy[0].Number)
            .ThenBy(x => x.Index)
            .Select(x => x.Cited)];
    }

    private static bool IsEmpty(NoteDefinition definition) =>
        definition.All(block => block is ParagraphBlock paragraph
            && (paragraph.Inline is null || paragraph.Inline.All(i => i is LiteralInline literal && literal.Content.IsEmptyOrWhitespace())));

    /// <summary>The text of a phrase, for a fact-check's default claim.</summary>
    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var inline in container.Descendants<Inline>())
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
    private void ReportLiteralSyntax(ContainerInline container)
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
            // A bracket never closed stays an opener with the text after it as children: "[^a" at the end of
            // a paragraph is '[' then "^a", which no literal run holds whole.
            if (inline is LinkDelimiterInline opener && opener.FirstChild is LiteralInline { Content: var after } && after.CurrentChar == '^')
            {
                Report(opener.Span.Start, LiteralLabel().Match("[" + after).Value);
            }
        }
        Flush();

        void Flush()
        {
            var text = run.ToString();
            for (var at = text.IndexOf("[^", StringComparison.Ordinal); at >= 0; at = text.IndexOf("[^", at + 2, StringComparison.Ordinal))
            {
                var (offset, literal) = starts.Last(s => s.Offset <= at);
                // Literals made from a failed bracket carry no line, but their span (an offset) is right.
                Report(literal.Span.Start + at - offset, LiteralLabel().Match(text, at).Value);
            }
            run.Clear();
            starts.Clear();
        }
    }

    /// <summary>Reports annotation syntax that did not parse, at an offset in the Markdown.</summary>
    private void Report(int position, string snippet)
    {
        var lineStart = _markdown.LastIndexOf('\n', Math.Clamp(position - 1, 0, _markdown.Length - 1)) + 1;
        var line = _markdown.AsSpan(0, lineStart).Count('\n');
        _diagnostics.Report(DiagnosticCode.BadLabel, FilePosition.FromZeroBased(_file, line, position - lineStart),
            $"'{snippet}' is not a valid annotation: labels use letters, digits, '-' and '_' without spaces (to show the syntax itself, use a `code span`)");
    }

    private void Error(MarkdownObject node, DiagnosticCode code, string message) =>
        _diagnostics.Report(code, node.At(_file), message);

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\^[^\s\]]{0,40}\]?")]
    private static partial System.Text.RegularExpressions.Regex LiteralLabel();
}
