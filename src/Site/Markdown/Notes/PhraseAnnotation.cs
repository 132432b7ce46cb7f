using Markdig.Syntax.Inlines;

namespace Site.Markdown.Notes;

/// <summary>The phrase of <c>[phrase]{^label}</c>. Its <see cref="NoteReference"/> follows it as a sibling,
/// so point and phrase references share one numbering and one rendering.</summary>
internal sealed class PhraseAnnotation : ContainerInline
{
    /// <summary>Set by the parser, which makes the two together.</summary>
    public NoteReference Reference { get; set; } = null!;
}
