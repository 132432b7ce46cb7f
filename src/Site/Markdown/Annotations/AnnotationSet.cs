using Site.Content;

namespace Site.Markdown.Annotations;

/// <summary>An article's resolved annotations: its notes by number, and the sources they cite, in
/// order of first citation, each with the notes that cite it.</summary>
internal sealed record AnnotationSet(IReadOnlyList<Note> Notes, IReadOnlyList<CitedSource> Sources);

internal sealed record CitedSource(Source Source, IReadOnlyList<Note> CitedBy);
