using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Notes;

/// <summary>A note's body, from <c>[^label]: text</c> at the start of a line plus its indented continuation.</summary>
internal sealed class NoteDefinition(BlockParser parser) : ContainerBlock(parser)
{
    public required NoteLabel Label { get; init; }

    /// <summary>The <c>{type key="value"}</c> block after the colon, if the author wrote one.</summary>
    public NoteAttributes? Attributes { get; init; }

    /// <summary>Parser state: whether the last line read was blank, so unindented text ends the note.</summary>
    internal bool IsLastLineEmpty { get; set; }
}
