using System.Globalization;
using System.Text;

namespace Site.Markdown.Notes;

/// <summary>
/// Letters that look alike across scripts, after Unicode's confusables data (UTS #39), cut down to what a
/// label can hold: the Cyrillic and Greek letters drawn like Latin ones, and the digits drawn like letters.
/// The full table (6,000+ entries) has no maintained .NET package; these are the ones a Russian, Kazakh or
/// Greek keyboard layout produces in a Latin label, and the reverse. <see cref="Skeleton"/> is UTS #39's
/// skeleton over this table: two labels with one skeleton look the same to a reader.
/// </summary>
internal static class Confusables
{
    /// <summary>Pairs of a look-alike and the Latin character it is drawn like.</summary>
    private const string Pairs =
        // Cyrillic lower case, then upper case (Kazakh and Ukrainian letters included).
        "аaвʙгrеeһhіiјjкĸоoрpсcуyхxѕsԁdԛqԝwӏlүyһhҺHәəɡg" +
        "АAВBЕEЅSІlЈJКKМMНHОOРPСCТTХXУYԚQԜWҮYӀl" +
        // Greek lower case, then upper case.
        "αaοoρpνvυuιiκĸτᴛχxγy" +
        "ΑAΒBΕEΖZΗHΙlΚKΜMΝNΟOΡPΤTΥYΧX" +
        // Latin and digits drawn alike (the skeleton's own prototypes).
        "0O1lIl";

    private static readonly Dictionary<char, char> Prototype = Build();

    /// <summary>Script of a look-alike, for a message saying which letter is not what it seems.</summary>
    public static string? ScriptOf(char c) => c switch
    {
        >= '\u0400' and <= '\u052F' => "Cyrillic",
        >= '\u0370' and <= '\u03FF' => "Greek",
        _ => null,
    };

    /// <summary>UTS #39 skeleton: decomposed, invisible characters dropped, each look-alike replaced by
    /// its prototype, decomposed again.</summary>
    public static string Skeleton(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                builder.Append(Prototype.GetValueOrDefault(c, c));
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormD);
    }

    /// <summary>The first character of <paramref name="text"/> from another script than its look-alike in
    /// <paramref name="other"/>, as "Cyrillic 'а' (U+0430)", or null.</summary>
    public static string? Describe(string text, string other)
    {
        foreach (var c in text)
        {
            if (Prototype.ContainsKey(c) && ScriptOf(c) is { } script && !other.Contains(c, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{script} '{c}' (U+{(int)c:X4})");
            }
        }
        return null;
    }

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < Pairs.Length; i += 2)
        {
            map.TryAdd(Pairs[i], Pairs[i + 1]);
        }
        return map;
    }
}
