using Site.Content;
using Site.Markdown.Citations;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>
/// An article's annotations as resolved: its notes by number, the sources they cite in reading order, and
/// lookups from the parsed references and citations to what they resolved to. The renderers read the
/// syntax tree and this; nothing is written back into the tree.
/// </summary>
internal sealed record AnnotationSet(
    AnnotationIds Ids,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<CitedSource> Sources,
    IReadOnlyDictionary<NoteReference, ResolvedReference> References,
    IReadOnlyDictionary<SourceCitation, Source> Citations);

/// <summary>What a reference points to: its note, and which of the note's references it is (1-based).</summary>
internal readonly record struct ResolvedReference(Note Note, int Index);

/// <summary>A cited source and the notes citing it, by number.</summary>
internal sealed record CitedSource(Source Source, IReadOnlyList<Note> CitedBy);
