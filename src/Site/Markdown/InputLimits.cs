using Site.Diagnostics;

namespace Site.Markdown;

/// <summary>
/// Two shapes of Markdown that Markdig handles in more than linear time, refused with their position
/// before it sees them. Both are far beyond anything an article needs, and both fit in a file under
/// the size limit: 8 MB of either kept a build busy for minutes or hours.
/// </summary>
internal static class InputLimits
{
    /// <summary>Markdig's own nesting limit (MaximumNestingDepth). It fails deeper lists too, but only
    /// after opening every one of their markers: "- - - …" on one 8 MB line took minutes.</summary>
    public const int MaxNesting = 128;

    /// <summary>Markdig reads link reference definitions ("[label]: url") off the start of a paragraph one
    /// at a time, copying the rest of the paragraph each time: 250,000 in a row took 18 s.</summary>
    public const int MaxDefinitionsInARow = 1000;

    /// <summary>False (reported) when the Markdown has one of the shapes.</summary>
    public static bool Check(string markdown, string file, DiagnosticBag diagnostics)
    {
        var definitions = 0;
        var line = 0;
        for (var start = 0; start < markdown.Length; line++)
        {
            var end = markdown.IndexOf('\n', start);
            var text = markdown.AsSpan(start, (end < 0 ? markdown.Length : end) - start);
            start = end < 0 ? markdown.Length : end + 1;
            if (text.IsWhiteSpace())
            {
                definitions = 0;
                continue;
            }
            var (markers, column) = Containers(text);
            if (markers > MaxNesting && !IsThematicBreak(text))
            {
                diagnostics.Report(DiagnosticCode.MarkdownTooDeep, FilePosition.FromZeroBased(file, line, column), $"lists and quotes are nested more than {MaxNesting} levels deep here");
                return false;
            }
            var rest = text[column..].TrimStart(" \t");
            if (rest.StartsWith("[") && !rest.StartsWith("[^") && rest.Contains("]:", StringComparison.Ordinal) && ++definitions > MaxDefinitionsInARow)
            {
                diagnostics.Report(DiagnosticCode.TooManyLinkDefinitions, FilePosition.FromZeroBased(file, line, text.Length - rest.Length), $"more than {MaxDefinitionsInARow} link definitions in a row; put a blank line between groups of them");
                return false;
            }
        }
        return true;
    }

    /// <summary>How many list and quote markers open the line, and the column after the last one (or
    /// where the marker past the limit starts).</summary>
    private static (int Markers, int Column) Containers(ReadOnlySpan<char> text)
    {
        var markers = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }
            var marker = i;
            if (i < text.Length && text[i] == '>')
            {
                i++;
            }
            else if (i + 1 < text.Length && text[i] is '-' or '*' or '+' && text[i + 1] is ' ' or '\t')
            {
                i += 2;
            }
            else
            {
                var digits = i;
                while (i < text.Length && i - digits < 9 && char.IsAsciiDigit(text[i]))
                {
                    i++;
                }
                if (i == digits || i + 1 >= text.Length || text[i] is not ('.' or ')') || text[i + 1] is not (' ' or '\t'))
                {
                    return (markers, marker);
                }
                i += 2;
            }
            if (++markers > MaxNesting)
            {
                return (markers, marker);
            }
        }
    }

    /// <summary>"* * *" and "- - -" are a horizontal rule, whatever their length, not nested lists.</summary>
    private static bool IsThematicBreak(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim(" \t");
        return trimmed.Length > 0 && trimmed[0] is '*' or '-' or '_' && trimmed.Trim(" \t" + trimmed[0]).IsEmpty;
    }
}
