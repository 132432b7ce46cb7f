using Site.Content;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>A published note: defined, referenced, and numbered by its first reference.</summary>
/// <param name="References">In text order: the k-th is reference k (1-based) in ids and back-links.</param>
/// <param name="Sources">The sources it cites, in order of first citation.</param>
internal sealed record Note(NoteDefinition Definition, int Number, NoteType Type, IReadOnlyList<NoteReference> References, IReadOnlyList<Source> Sources)
{
    public NoteLabel Label => Definition.Label;

    public NoteKind Kind => Type.Kind;
}
