using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Site.Localization;
using Site.Markdown.Annotations;
using Site.Markdown.Citations;

namespace Site.Markdown.Notes;

/// <summary>
/// A note as plain text, for annotations.json, read from the parsed note: its words, one line per
/// paragraph, heading, list item and line break; code as written; a citation as it reads on the page;
/// no markup. (Markdig's HTML renderer with HTML turned off did this before: it wrote a table's wrapper,
/// and dropped the characters it would have escaped from citations and autolinks, "Business  Human Rights".)
/// </summary>
internal sealed class NoteText(AnnotationSet annotations, PageText strings, StringBuilder text)
{
    private readonly StringBuilder _text = text;

    /// <summary>Each thread's buffer, cleared for every note: an article has a dozen notes or more, each of which
    /// grew a builder of its own chunk by chunk.</summary>
    [ThreadStatic]
    private static StringBuilder? buffer;

    public static string Of(Note note, AnnotationSet annotations, PageText strings)
    {
        var writer = new NoteText(annotations, strings, (buffer ??= new StringBuilder()).Clear());
        writer.WriteBlocks(note.Definition, inTightList: false);
        return writer.Trimmed();
    }

    /// <summary>What string.Trim of the text would return, without the untrimmed string first.</summary>
    private string Trimmed()
    {
        var (start, end) = (0, _text.Length);
        while (start < end && char.IsWhiteSpace(_text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(_text[end - 1]))
        {
            end--;
        }
        return _text.ToString(start, end - start);
    }

    private void WriteBlocks(ContainerBlock container, bool inTightList)
    {
        foreach (var block in container)
        {
            WriteBlock(block, inTightList);
        }
    }

    /// <param name="inTightList">A paragraph directly in an item of a tight list runs on into what follows,
    /// as it does on the page.</param>
    private void WriteBlock(Block block, bool inTightList)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                WriteInlines(paragraph.Inline);
                if (!inTightList)
                {
                    EnsureLine();
                }
                break;
            case HeadingBlock heading:
                WriteInlines(heading.Inline);
                EnsureLine();
                break;
            case ListBlock list:
                foreach (var item in list.OfType<ContainerBlock>())
                {
                    EnsureLine();
                    WriteBlocks(item, inTightList: !list.IsLoose);
                    EnsureLine();
                }
                break;
            case QuoteBlock quote:
                EnsureLine();
                WriteBlocks(quote, inTightList: false);
                EnsureLine();
                break;
            case Table table:
                WriteTable(table);
                break;
            case ContainerBlock container:
                WriteBlocks(container, inTightList);
                break;
            case CodeBlock code:
                EnsureLine();
                WriteLines(code);
                break;
            case HtmlBlock html:
                WriteLines(html);
                break;
        }
    }

    /// <summary>Cells in reading order, a space after each, a line per table.</summary>
    private void WriteTable(Table table)
    {
        EnsureLine();
        foreach (var cell in table.OfType<TableRow>().SelectMany(row => row.OfType<TableCell>()))
        {
            WriteBlocks(cell, inTightList: true);
            _text.Append(' ');
        }
        EnsureLine();
    }

    private void WriteLines(LeafBlock block)
    {
        for (var i = 0; i < block.Lines.Count; i++)
        {
            _text.Append(block.Lines.Lines[i].Slice.AsSpan()).Append('\n');
        }
    }

    private void WriteInlines(ContainerInline? container)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            WriteInline(inline);
        }
    }

    private void WriteInline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                _text.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                _text.Append(code.ContentSpan);
                break;
            case AutolinkInline autolink:
                _text.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                _text.Append(entity.Transcoded.AsSpan());
                break;
            case LineBreakInline when inline.NextSibling is not null:
                EnsureLine();
                break;
            case SourceCitation citation when annotations.Citations.TryGetValue(citation, out var source):
                _text.Append(strings.Citation(source));
                break;
            case DelimiterInline delimiter:
                _text.Append(delimiter.ToLiteral());
                WriteInlines(delimiter);
                break;
            case ContainerInline container:
                // Emphasis, links, images (their description) and annotated phrases: their words.
                WriteInlines(container);
                break;
        }
    }

    private void EnsureLine()
    {
        if (_text.Length > 0 && _text[^1] != '\n')
        {
            _text.Append('\n');
        }
    }
}
