using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Markdown.Citations;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>An annotation node and where it stands: inside which note, if any, and whether inside a
/// link's text or an image's description, where a link of its own cannot go.</summary>
internal readonly record struct Found<T>(T Node, NoteDefinition? InNote, bool InLink);

/// <summary>Every annotation of an article, in text order.</summary>
internal sealed record CollectedAnnotations(
    IReadOnlyList<NoteDefinition> Definitions,
    IReadOnlyList<Found<NoteReference>> References,
    IReadOnlyList<Found<SourceCitation>> Citations);

/// <summary>Walks the parsed article once, collecting its annotations and handing every run of inline
/// text to the check for annotation syntax that did not parse.</summary>
internal sealed class AnnotationCollector(LiteralSyntaxCheck literalSyntax)
{
    private readonly List<NoteDefinition> _definitions = [];
    private readonly List<Found<NoteReference>> _references = [];
    private readonly List<Found<SourceCitation>> _citations = [];

    public static CollectedAnnotations Collect(MarkdownDocument document, LiteralSyntaxCheck literalSyntax)
    {
        var collector = new AnnotationCollector(literalSyntax);
        foreach (var block in document)
        {
            collector.Collect(block, null);
        }
        return new CollectedAnnotations(collector._definitions, collector._references, collector._citations);
    }

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
        literalSyntax.Check(container);
        foreach (var inline in container)
        {
            switch (inline)
            {
                case NoteReference reference:
                    _references.Add(new(reference, note, inLink));
                    break;
                case SourceCitation citation:
                    _citations.Add(new(citation, note, inLink));
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
}
