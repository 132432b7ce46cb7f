using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Comments;

/// <summary>
/// A comment that starts a line: it runs, blank lines included, to the line holding "--&gt;", as
/// CommonMark's HTML block of type 2 does. A line with text after the comment is left to the paragraph,
/// whose inline parser drops only the comment.
/// </summary>
internal sealed class CommentBlockParser : BlockParser
{
    private const string Open = "<!--";
    private const string End = "-->";

    public CommentBlockParser()
    {
        OpeningCharacters = ['<'];
    }

    public override BlockState TryOpen(BlockProcessor processor)
    {
        var line = processor.Line;
        if (processor.IsCodeIndent || !line.Match(Open))
        {
            return BlockState.None;
        }
        var text = line.ToString();
        var close = text.IndexOf(End, Open.Length, StringComparison.Ordinal);
        if (close >= 0 && !string.IsNullOrWhiteSpace(text[(close + End.Length)..]))
        {
            return BlockState.None;
        }
        var block = new CommentBlock(this)
        {
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(line.Start, line.End),
            IsTerminated = close >= 0,
        };
        processor.NewBlocks.Push(block);
        return close >= 0 ? BlockState.BreakDiscard : BlockState.ContinueDiscard;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var comment = (CommentBlock)block;
        var line = processor.Line;
        comment.UpdateSpanEnd(line.End);
        var text = line.ToString();
        var close = text.IndexOf(End, StringComparison.Ordinal);
        if (close < 0)
        {
            return BlockState.ContinueDiscard;
        }
        comment.IsTerminated = true;
        comment.HasTextAfter = !string.IsNullOrWhiteSpace(text[(close + End.Length)..]);
        return BlockState.BreakDiscard;
    }
}
