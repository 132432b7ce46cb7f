using System.Globalization;

namespace Site.Localization;

/// <summary>
/// The operands CLDR plural rules test (UTS #35, "Plural Operand Meanings"), taken from a number as it is
/// shown: 1.50 has two visible fraction digits (v = 2) where 1.5 has one, and the rules may tell them apart.
/// A <see cref="decimal"/> keeps its trailing zeros, so it carries exactly that. Compact exponents
/// (c, e) are always 0: Site never writes "1.2M".
/// </summary>
internal readonly record struct PluralOperands(decimal N, decimal I, decimal V, decimal W, decimal F, decimal T)
{
    public static PluralOperands From(decimal value)
    {
        var n = Math.Abs(value);
        if (n.Scale == 0)
        {
            // A whole number as most counts are: no fraction digits to read.
            return new PluralOperands(n, n, 0, 0, 0, 0);
        }
        // Digits as shown, trailing zeros included: "1.230" gives v = 3, f = 230, t = 23, w = 2.
        var text = n.ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        var fraction = point < 0 ? "" : text[(point + 1)..];
        var trimmed = fraction.TrimEnd('0');
        return new PluralOperands(
            N: n,
            I: decimal.Truncate(n),
            V: fraction.Length,
            W: trimmed.Length,
            F: fraction.Length == 0 ? 0 : decimal.Parse(fraction, CultureInfo.InvariantCulture),
            T: trimmed.Length == 0 ? 0 : decimal.Parse(trimmed, CultureInfo.InvariantCulture));
    }

    public decimal this[char operand] => operand switch
    {
        'n' => N,
        'i' => I,
        'v' => V,
        'w' => W,
        'f' => F,
        't' => T,
        'c' or 'e' => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand, "not a CLDR plural operand"),
    };
}
