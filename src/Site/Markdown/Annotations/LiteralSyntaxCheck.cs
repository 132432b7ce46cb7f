using System.Text;
using Markdig.Syntax.Inlines;
using Site.Diagnostics;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>
/// Annotation syntax that did not parse (a space in a label, "![^x]", an escape) would reach the reader as
/// literal "[^x]"; it is reported instead, at its offset in the Markdown, as are the phrase annotations that
/// almost parsed (<see cref="PhraseNearMiss"/>).
/// </summary>
internal sealed class LiteralSyntaxCheck(string markdown, string file, DiagnosticBag diagnostics)
{
    /// <summary>How much of the text after "[^" the message quotes.</summary>
    private const int SnippetLength = 40;

    /// <summary>Checks the direct children of <paramref name="container"/>. Literal runs are joined, since
    /// '[' is often a node of its own.</summary>
    public void Check(ContainerInline container)
    {
        var run = new List<LiteralInline>();
        Inline? before = null;
        foreach (var inline in container)
        {
            if (inline is LiteralInline literal)
            {
                run.Add(literal);
                continue;
            }
            Flush(run, before);
            before = inline;
            // A bracket never closed stays an opener with the text after it as children: "[^a" at the end of
            // a paragraph is '[' then "^a", which no literal run holds whole.
            if (inline is LinkDelimiterInline opener && opener.FirstChild is LiteralInline { Content: var after } && after.CurrentChar == '^')
            {
                Report(opener.Span.Start, Snippet("[" + after, 0));
            }
            // "[^ a](url)" and "[^ a]{^b}" are a link and a phrase whose text starts with '^': a reference that did not parse.
            else if (inline is LinkInline { IsAutoLink: false } or PhraseAnnotation && ((ContainerInline)inline).FirstChild is LiteralInline { Content: var text } && text.CurrentChar == '^')
            {
                Report(inline.Span.Start + (inline is LinkInline { IsImage: true } ? 1 : 0), Snippet("[" + text, 0));
            }
        }
        Flush(run, before);
    }

    private void Flush(List<LiteralInline> run, Inline? before)
    {
        // Everything reported starts at a '^': most runs of text have none, and are not joined into a string.
        if (!run.Exists(literal => literal.Content.AsSpan().Contains('^')))
        {
            run.Clear();
            return;
        }
        var starts = new List<(int Offset, LiteralInline Literal)>(run.Count);
        var joined = new StringBuilder();
        foreach (var literal in run)
        {
            starts.Add((joined.Length, literal));
            joined.Append(literal.Content.AsSpan());
        }
        run.Clear();
        var text = joined.ToString();
        // Literals made from a failed bracket carry no line, but their span (an offset) is right.
        int Offset(int at)
        {
            var (offset, literal) = starts.Last(s => s.Offset <= at);
            return literal.Span.Start + at - offset;
        }
        for (var at = text.IndexOf("[^", StringComparison.Ordinal); at >= 0; at = text.IndexOf("[^", at + 2, StringComparison.Ordinal))
        {
            Report(Offset(at), Snippet(text, at));
        }
        foreach (var (at, message) in PhraseNearMiss.Find(text, before))
        {
            Report(DiagnosticCode.PhraseNearMiss, Offset(at), message);
        }
    }

    /// <summary>"[^" at <paramref name="at"/>, what follows up to a space or ']', and the ']' if there is one.</summary>
    private static string Snippet(string text, int at)
    {
        var end = at + 2;
        while (end < text.Length && end - at - 2 < SnippetLength && !char.IsWhiteSpace(text[end]) && text[end] != ']')
        {
            end++;
        }
        return text[at..(end < text.Length && text[end] == ']' ? end + 1 : end)];
    }

    private void Report(int offset, string snippet) => Report(DiagnosticCode.BadLabel, offset,
        $"'{snippet}' is not a valid annotation: labels use letters, digits, '-' and '_' without spaces (to show the syntax itself, use a `code span`)");

    private void Report(DiagnosticCode code, int offset, string message)
    {
        var lineStart = markdown.LastIndexOf('\n', Math.Clamp(offset - 1, 0, markdown.Length - 1)) + 1;
        var line = markdown.AsSpan(0, lineStart).Count('\n');
        diagnostics.Report(code, FilePosition.FromZeroBased(file, line, offset - lineStart), message);
    }
}
