using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Site.Content;

namespace Site.Markdown.Citations;

/// <summary>Parses <c>[@key]</c> (Pandoc's citation form). Must run before LinkInlineParser.</summary>
internal sealed class SourceCitationParser : InlineParser
{
    public SourceCitationParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '@')
        {
            return false;
        }
        var text = slice.Text;
        var start = slice.Start;
        var end = start + 2;
        while (end <= slice.End && Source.IsKeyChar(text[end]))
        {
            end++;
        }
        if (end > slice.End || text[end] != ']' || end == start + 2)
        {
            return false;
        }
        processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new SourceCitation
        {
            Key = text[(start + 2)..end],
            Line = line,
            Column = column,
            Span = new SourceSpan(processor.GetSourcePosition(start), processor.GetSourcePosition(end)),
        };
        slice.Start = end + 1;
        return true;
    }
}
