using System.Globalization;
using System.Text;

namespace Site.Diagnostics;

/// <summary>
/// Text as a diagnostic shows it: every character a reader could not see, or that would reorder or hide the
/// text around it on a terminal (bidi controls, zero-width characters, control characters, odd spaces), is
/// written as <c>&lt;U+200F&gt;</c>. Otherwise "[^a‏b]" and "[^ab]" print alike, and a right-to-left mark in
/// a label can turn the rest of the line around.
/// </summary>
internal static class VisibleText
{
    public static string Escape(string text)
    {
        if (!text.EnumerateRunes().Any(IsHidden))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHidden(rune))
            {
                builder.Append("<U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append('>');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }
        return builder.ToString();
    }

    /// <summary>Controls, format characters (bidi marks and isolates, zero-width joiners, BOM), separators other
    /// than the plain space, and the marks and fillers that draw nothing (UTS #39's default-ignorables).</summary>
    private static bool IsHidden(Rune rune) => rune.Value != ' ' && (Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => true,
        _ => rune.Value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or (>= 0x180B and <= 0x180F)
            or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF),
    });
}
