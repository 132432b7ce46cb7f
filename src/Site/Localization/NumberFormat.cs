using System.Globalization;
using System.Text;

namespace Site.Localization;

/// <summary>
/// How a language writes numbers in running text: "1,234.5" in English, "1 234,5" in Russian. Digits are
/// always ASCII and grouping is by three, which covers the languages Site ships; a language that groups
/// only from five digits (Polish, Spanish) sets <paramref name="MinimumGroupingDigits"/> to 2, as CLDR does.
/// </summary>
internal sealed record NumberFormat(string Decimal, string Group, int MinimumGroupingDigits)
{
    public string Format(decimal number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var result = new StringBuilder(text.Length + 8);
        if (negative)
        {
            result.Append('-');
        }
        // CLDR's minimumGroupingDigits: with 2, "1234" stays whole but "12 345" is grouped.
        var grouped = whole.Length >= 3 + MinimumGroupingDigits;
        for (var i = 0; i < whole.Length; i++)
        {
            if (grouped && i > 0 && (whole.Length - i) % 3 == 0)
            {
                result.Append(Group);
            }
            result.Append(whole[i]);
        }
        if (point >= 0)
        {
            result.Append(Decimal).Append(digits, point + 1, digits.Length - point - 1);
        }
        return result.ToString();
    }
}
