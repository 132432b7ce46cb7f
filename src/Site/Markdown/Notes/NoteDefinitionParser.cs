using Markdig.Parsers;
using Markdig.Syntax;

namespace Site.Markdown.Notes;

/// <summary>
/// Parses note definitions, <c>[^label]: text</c>, with Markdown footnote rules: continuation lines are
/// indented, and a blank line followed by unindented text ends the note. Written in place of Markdig's
/// FootnoteParser because that one folds labels by case and accents, keeps the first of two duplicate
/// definitions silently and drops unused ones before we can report them.
/// </summary>
internal sealed class NoteDefinitionParser : BlockParser
{
    public NoteDefinitionParser()
    {
        OpeningCharacters = ['['];
    }

    public override BlockState TryOpen(BlockProcessor processor) => TryOpen(processor, isContinue: false);

    private BlockState TryOpen(BlockProcessor processor, bool isContinue)
    {
        // Only at the top level: a definition inside a list or quote would be ambiguous about where it ends.
        if (processor.IsCodeIndent || (!isContinue && processor.GetCurrentContainerOpened() is not MarkdownDocument))
        {
            return BlockState.None;
        }
        var line = processor.Line;
        if (line.PeekChar() != '^')
        {
            return BlockState.None;
        }
        var text = line.Text;
        if (!NoteLabel.TryRead(text, line.Start + 2, line.End, ']', out var label, out var end) || end + 1 > line.End || text[end + 1] != ':')
        {
            return BlockState.None;
        }
        // An optional {type key="value"} block follows the colon on the same line.
        var skip = end + 2;
        while (skip <= line.End && text[skip] is ' ' or '\t')
        {
            skip++;
        }
        NoteAttributes? attributes = null;
        if (skip <= line.End && text[skip] == '{' && text.IndexOf('}', skip) is var close and > 0 && close <= line.End)
        {
            attributes = NoteAttributes.Parse(text[(skip + 1)..close]);
            skip = close + 1;
        }
        else
        {
            skip = end + 2;
        }
        var definition = new NoteDefinition(this)
        {
            Label = label,
            Attributes = attributes,
            Line = processor.LineIndex,
            Column = processor.Column,
            Span = new SourceSpan(processor.Start, end + 1),
        };
        for (var i = line.Start; i < skip; i++)
        {
            processor.NextChar();
        }
        processor.NewBlocks.Push(definition);
        return BlockState.Continue;
    }

    public override BlockState TryContinue(BlockProcessor processor, Block block)
    {
        var definition = (NoteDefinition)block;
        if (processor.CurrentBlock is null || processor.CurrentBlock.IsBreakable)
        {
            if (processor.IsBlankLine)
            {
                definition.IsLastLineEmpty = true;
                return BlockState.ContinueDiscard;
            }
            if (processor.Column == 0)
            {
                if (definition.IsLastLineEmpty)
                {
                    processor.Close(definition);
                    return TryOpen(processor);
                }
                // Consecutive definitions without a blank line between them.
                if (TryOpen(processor, isContinue: true) == BlockState.Continue)
                {
                    processor.Close(definition);
                    return BlockState.Continue;
                }
            }
        }
        definition.IsLastLineEmpty = false;
        if (processor.IsCodeIndent)
        {
            processor.GoToCodeIndent();
        }
        return BlockState.Continue;
    }
}
