using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Site.Markdown.Comments;

/// <summary>An HTML comment, <c>&lt;!-- … --&gt;</c>, standing for a paragraph or more of its own. Its text
/// is the editors', never the readers': it is parsed as nothing and rendered as nothing.</summary>
internal sealed class CommentBlock(BlockParser parser) : LeafBlock(parser)
{
    /// <summary>False when the file ends before "--&gt;": the rest of the article would silently vanish.</summary>
    public bool IsTerminated { get; set; }

    /// <summary>Text after "--&gt;" on the comment's last line, which would vanish with it.</summary>
    public bool HasTextAfter { get; set; }
}

/// <summary>An HTML comment inside a paragraph, rendered as nothing.</summary>
internal sealed class CommentInline : LeafInline;
