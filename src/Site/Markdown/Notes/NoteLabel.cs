using System.Globalization;
using System.Text;

namespace Site.Markdown.Notes;

/// <summary>
/// The label of a note, as in <c>[^toll]</c>, <c>{^toll}</c> and <c>[^toll]:</c>: every rule about labels
/// lives here. The parsers read a label as any run of characters up to its closing bracket with no space
/// and no square bracket, at most <see cref="MaxLength"/> long; the resolver then reports a label that is
/// not <see cref="IsValid"/>, so a typo ("[^a^b]", "[^a.b]") is an error at its position, never literal text.
/// Labels compare exactly (ordinal); <see cref="Folded"/> and <see cref="LookAlike"/> spot the near-misses a reader would confuse.
/// </summary>
internal readonly record struct NoteLabel(string Text)
{
    /// <summary>Longer runs are not read as labels at all: the text is then reported as syntax that did not parse.</summary>
    public const int MaxLength = 100;

    /// <summary>Letters (any script), digits, '-' and '_'.</summary>
    public bool IsValid => Text.Length > 0 && Text.All(c => char.IsLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Case- and accent-insensitive form: "Café" and "cafe" fold alike.</summary>
    public string Folded
    {
        get
        {
            var builder = new StringBuilder(Text.Length);
            foreach (var c in Text.Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }
            return builder.ToString();
        }
    }

    /// <summary>How the label looks: <see cref="Folded"/>, with letters of other scripts drawn like Latin ones
    /// replaced by them (<see cref="Confusables"/>), so Cyrillic "аpple" looks like "apple".</summary>
    public string LookAlike => Confusables.Skeleton(Folded);

    /// <summary>Reads a label that starts at <paramref name="from"/> and is closed by <paramref name="close"/>
    /// at <paramref name="end"/>, no further than <paramref name="last"/>.</summary>
    public static bool TryRead(string text, int from, int last, char close, out NoteLabel label, out int end)
    {
        end = from;
        while (end <= last && text[end] != close && end - from < MaxLength && !Ends(text[end]))
        {
            end++;
        }
        var found = end <= last && end > from && text[end] == close;
        label = found ? new NoteLabel(text[from..end]) : default;
        return found;
    }

    public override string ToString() => Text;

    private static bool Ends(char c) => char.IsWhiteSpace(c) || c is '[' or ']';
}
