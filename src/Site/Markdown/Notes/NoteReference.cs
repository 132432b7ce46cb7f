using Markdig.Syntax.Inlines;

namespace Site.Markdown.Notes;

/// <summary>A reference to a note: <c>[^label]</c>, or the marker that ends a phrase annotation.</summary>
internal sealed class NoteReference : LeafInline
{
    public required NoteLabel Label { get; init; }

    /// <summary>The phrase this reference closes, for <c>[phrase]{^label}</c>.</summary>
    public PhraseAnnotation? Phrase { get; init; }
}
