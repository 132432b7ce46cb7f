using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Site.Markdown.Notes;

/// <summary>
/// Parses <c>[^label]</c> references and closes phrase annotations, <c>[a phrase]{^label}</c>.
/// The phrase's opening bracket is Markdig's own link delimiter: at <c>]{^label}</c> we turn it into a
/// <see cref="PhraseAnnotation"/> the way LinkInlineParser turns it into a link, so the phrase keeps
/// its emphasis, code and links. Must run before LinkInlineParser, which would otherwise take both brackets.
/// </summary>
internal sealed class NoteReferenceParser : InlineParser
{
    public NoteReferenceParser()
    {
        OpeningCharacters = ['[', ']'];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice.Start;
        if (slice.CurrentChar == '[')
        {
            if (slice.PeekChar() != '^' || !NoteLabel.TryRead(slice.Text, start + 2, slice.End, ']', out var label, out var end))
            {
                return false;
            }
            processor.GetSourcePosition(start, out var line, out var column);
            processor.Inline = new NoteReference
            {
                Label = label,
                Line = line,
                Column = column,
                Span = new SourceSpan(processor.GetSourcePosition(start), processor.GetSourcePosition(end)),
            };
            slice.Start = end + 1;
            return true;
        }

        // ']' — a phrase annotation closes here only if "{^label}" follows and a '[' is open.
        if (slice.PeekChar() != '{' || slice.PeekChar(2) != '^'
            || !NoteLabel.TryRead(slice.Text, start + 3, slice.End, '}', out var phraseLabel, out var labelEnd)
            // An opener made inactive by a link inside the phrase still opens the phrase: only links may not nest.
            || processor.Inline?.FirstParentOfType<LinkDelimiterInline>() is not { IsImage: false } opener)
        {
            return false;
        }
        processor.GetSourcePosition(start + 1, out var labelLine, out var labelColumn);
        var phrase = new PhraseAnnotation
        {
            Line = opener.Line,
            Column = opener.Column,
            Span = new SourceSpan(opener.Span.Start, processor.GetSourcePosition(start)),
        };
        var reference = new NoteReference
        {
            Label = phraseLabel,
            Phrase = phrase,
            Line = labelLine,
            Column = labelColumn,
            Span = new SourceSpan(processor.GetSourcePosition(start + 1), processor.GetSourcePosition(labelEnd)),
        };
        phrase.Reference = reference;
        opener.ReplaceBy(phrase);
        processor.PostProcessInlines(0, phrase, null, false);
        phrase.IsClosed = true;
        phrase.InsertAfter(reference);
        processor.Inline = reference;
        slice.Start = labelEnd + 1;
        return true;
    }
}
