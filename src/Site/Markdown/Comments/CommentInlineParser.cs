using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Comments;

/// <summary>A comment within a paragraph, up to the first "--&gt;" in it; what it holds, a "[^label]"
/// included, is not parsed. Without "--&gt;" in the paragraph it is text, as CommonMark has it. Must run before the autolink parser, which reads '&lt;' as raw HTML.</summary>
internal sealed class CommentInlineParser : InlineParser
{
    private const string Open = "<!--";
    private const string Close = "-->";

    public CommentInlineParser()
    {
        OpeningCharacters = ['<'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (!slice.Match(Open))
        {
            return false;
        }
        var start = slice.Start;
        var close = slice.Text.IndexOf(Close, start + Open.Length, slice.End - start - Open.Length + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            // Not a comment, as in CommonMark: "<!--" alone in a sentence is text, shown as written.
            return false;
        }
        var end = close + Close.Length - 1;
        processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new CommentInline
        {
            Line = line,
            Column = column,
            Span = new SourceSpan(processor.GetSourcePosition(start), processor.GetSourcePosition(end)),
        };
        slice.Start = end + 1;
        return true;
    }
}
