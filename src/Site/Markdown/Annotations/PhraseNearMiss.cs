using Markdig.Syntax.Inlines;
using Site.Markdown.Notes;

namespace Site.Markdown.Annotations;

/// <summary>
/// Phrase-annotation syntax that almost parsed and was left as text: "[x] {^a}", "[x]{ ^a}", "[x]{^a }",
/// "[link](u){^a}", "[^a]{^a}", "{^}", "{^a" never closed, "{^a}" with no phrase, and "[ ^a]". Each is
/// found in a run of literal text and described with what was probably meant.
/// </summary>
internal static class PhraseNearMiss
{
    /// <summary>How far past "{^" a label is looked for.</summary>
    private const int Reach = NoteLabel.MaxLength + 2;

    /// <param name="run">Literal text, as joined by the caller.</param>
    /// <param name="before">The inline right before the run: a link or a reference the braces were put after.</param>
    /// <returns>Each near miss: its offset in <paramref name="run"/> and the message.</returns>
    public static IEnumerable<(int At, string Message)> Find(string run, Inline? before)
    {
        for (var i = run.IndexOfAny(['{', '[']); i >= 0; i = run.IndexOfAny(['{', '['], i + 1))
        {
            var caret = SkipSpaces(run, i + 1);
            if (caret >= run.Length || run[caret] != '^' || (run[i] == '[' && caret == i + 1))
            {
                // "[^" without a space is the label check's.
                continue;
            }
            var close = run[i] == '{' ? '}' : ']';
            var labelEnd = caret + 1;
            while (labelEnd < run.Length && labelEnd - caret <= Reach && !char.IsWhiteSpace(run[labelEnd]) && run[labelEnd] is not ('{' or '}' or '[' or ']'))
            {
                labelEnd++;
            }
            var label = run[(caret + 1)..labelEnd];
            var end = run.IndexOf(close, labelEnd);
            var closed = end >= 0 && end - labelEnd <= Reach && run.AsSpan(labelEnd, end - labelEnd).IndexOfAny('{', '[') < 0;
            var snippet = closed ? run[i..(end + 1)] : run[i..labelEnd];
            var written = run[i] == '{' ? $"{{^{label}}}" : $"[^{label}]";
            var message = label.Length == 0 && closed && run[i] == '{' ? "has no label: write {^label}"
                : !closed ? $"is not closed: write {written}"
                : caret > i + 1 || end > labelEnd ? (end > SkipSpaces(run, labelEnd) ? "has a space in its label: labels use letters, digits, '-' and '_'" : $"has spaces inside: write {written}")
                : label.Length > NoteLabel.MaxLength ? $"has a label longer than {NoteLabel.MaxLength} characters"
                : Context(run, i, before, written);
            yield return (i, $"'{snippet}' is not an annotation: it {message}");
            i = closed ? end : labelEnd - 1;
        }
    }

    /// <summary>Why a well-formed "{^label}" did not attach to a phrase: what stands before it.</summary>
    private static string Context(string run, int brace, Inline? before, string written)
    {
        var back = brace - 1;
        while (back >= 0 && char.IsWhiteSpace(run[back]))
        {
            back--;
        }
        var spaced = back < brace - 1;
        if (back >= 0)
        {
            return run[back] == ']'
                ? spaced ? $"is apart from its phrase: remove the space between ']' and '{written}'" : "follows an image's description, which cannot be an annotated phrase: annotate the text around it"
                : $"has no phrase: put the phrase in square brackets right before it, as [phrase]{written}";
        }
        return before switch
        {
            LinkInline { IsImage: false } when !spaced => $"follows a link, which cannot be an annotated phrase by itself: put the link inside the phrase's brackets, as [[text](url)]{written}",
            LinkInline { IsImage: true } when !spaced => "follows an image, which cannot be an annotated phrase: annotate the text around it",
            NoteReference when !spaced => $"follows a reference, which already is an annotation: to annotate a phrase write [phrase]{written}, without '^' inside the square brackets",
            LinkInline or NoteReference => $"is apart from what it follows: remove the space before '{written}'",
            _ => $"has no phrase: put the phrase in square brackets right before it, as [phrase]{written}",
        };
    }

    private static int SkipSpaces(string text, int from)
    {
        while (from < text.Length && text[from] is ' ' or '\t')
        {
            from++;
        }
        return from;
    }
}
