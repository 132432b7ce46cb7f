using Markdig.Syntax.Inlines;

namespace Site.Markdown.Annotations;

/// <summary>A reference to a note: <c>[^label]</c>, or the marker that ends a phrase annotation.</summary>
internal sealed class NoteReference : LeafInline
{
    public required string Label { get; init; }

    /// <summary>The phrase this reference closes, for <c>[phrase]{^label}</c>.</summary>
    public PhraseAnnotation? Phrase { get; init; }

    public Note? Note { get; set; }

    /// <summary>1-based position among the references to the same note, in text order.</summary>
    public int Index { get; set; }
}
