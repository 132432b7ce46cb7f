using Markdig.Syntax;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown.Citations;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>
/// Resolves an article's annotations after parsing: collects them, checks the definitions, numbers the
/// notes by first reference, reads their types, matches citations to sources, and reports every mistake
/// with its position. The syntax tree is only read; the result is an <see cref="AnnotationSet"/>.
/// </summary>
internal static class AnnotationResolver
{
    public static AnnotationSet Resolve(MarkdownDocument document, Article article, IReadOnlyDictionary<string, Source> siteSources, DiagnosticBag diagnostics)
    {
        var file = article.File;
        var found = AnnotationCollector.Collect(document, new LiteralSyntaxCheck(article.Markdown, file, diagnostics));
        var definitions = DefinitionCheck.Check(found.Definitions, file, diagnostics);
        var types = definitions.Values.ToDictionary(d => d, d => NoteTypeCheck.Read(d, file, diagnostics));
        var drafts = ReferenceNumbering.Number(found.References, definitions, file, diagnostics);
        foreach (var draft in drafts)
        {
            draft.Type = NoteTypeCheck.CheckFactCheck(types[draft.Definition], draft.Definition, draft.References, file, diagnostics);
        }
        var (citations, cited) = CitationResolver.Resolve(found.Citations, drafts.ToDictionary(d => d.Definition), article, siteSources, diagnostics);
        NoteTypeCheck.CheckSourced(drafts, file, diagnostics);
        NoteTypeCheck.ResolveAppearances(drafts, article, siteSources, diagnostics);
        return Assemble(article.Slug, drafts, cited, citations);
    }

    private static AnnotationSet Assemble(
        string slug, List<NoteDraft> drafts, List<(Source Source, List<NoteDraft> Notes)> cited, Dictionary<SourceCitation, Source> citations)
    {
        var notes = drafts.Select(d => new Note(d.Definition, d.Number, d.Type, d.References, d.Sources)).ToList();
        var references = new Dictionary<NoteReference, ResolvedReference>();
        foreach (var note in notes)
        {
            for (var i = 0; i < note.References.Count; i++)
            {
                references.Add(note.References[i], new ResolvedReference(note, i + 1));
            }
        }
        var sources = cited.Select(c => new CitedSource(c.Source, [.. c.Notes.Select(n => notes[n.Number - 1])])).ToList();
        return new AnnotationSet(new AnnotationIds(slug), notes, sources, references, citations);
    }
}
