using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Annotations;

/// <summary>A note's body, from <c>[^label]: text</c> at the start of a line plus its indented continuation.</summary>
internal sealed class NoteDefinition(BlockParser parser) : ContainerBlock(parser)
{
    public required string Label { get; init; }

    /// <summary>The <c>{type key="value"}</c> block after the colon, if the author wrote one.</summary>
    public NoteAttributes? Attributes { get; init; }

    /// <summary>Set by the resolver from <see cref="Attributes"/>, once checked.</summary>
    public NoteKind Kind { get; set; }

    public string? Claim { get; set; }

    public string? Verdict { get; set; }

    public string? Claimant { get; set; }

    /// <summary>Set when the note was referenced; unreferenced definitions are reported and not rendered.</summary>
    public Note? Note { get; set; }

    internal bool IsLastLineEmpty { get; set; }
}
