using Markdig.Syntax.Inlines;

namespace Site.Markdown.Annotations;

/// <summary>The phrase of <c>[phrase]{^label}</c>. Its <see cref="NoteReference"/> follows it as a sibling,
/// so point and phrase references share one numbering and one rendering.</summary>
internal sealed class PhraseAnnotation : ContainerInline
{
    public NoteReference Reference { get; set; } = null!;
}
