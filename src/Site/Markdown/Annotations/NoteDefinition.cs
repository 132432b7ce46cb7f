using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Annotations;

/// <summary>A note's body, from <c>[^label]: text</c> at the start of a line plus its indented continuation.</summary>
internal sealed class NoteDefinition(BlockParser parser) : ContainerBlock(parser)
{
    public required string Label { get; init; }

    /// <summary>Set when the note was referenced; unreferenced definitions are reported and not rendered.</summary>
    public Note? Note { get; set; }

    internal bool IsLastLineEmpty { get; set; }
}
