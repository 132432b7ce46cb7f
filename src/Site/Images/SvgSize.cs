using System.Globalization;

namespace Site.Images;

/// <summary>An SVG's size in CSS pixels, for the width and height attributes of its &lt;img&gt;.</summary>
internal static class SvgSize
{
    /// <summary>Width and height when both are absolute lengths; one of them and the viewBox's proportions;
    /// else the viewBox's own size. Percentages and font-relative units say nothing about the file.</summary>
    public static (double? Width, double? Height) Of(string? width, string? height, string? viewBox)
    {
        var (w, h) = (Length(width), Length(height));
        var box = ViewBox(viewBox);
        return (w, h, box) switch
        {
            ({ } ww, { } hh, _) => (ww, hh),
            ({ } ww, null, { } b) => (ww, ww * b.Height / b.Width),
            (null, { } hh, { } b) => (hh * b.Width / b.Height, hh),
            (null, null, { } b) => (b.Width, b.Height),
            _ => (null, null),
        };
    }

    private static double? Length(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        var unit = text.TrimStart("+-.0123456789eE".ToCharArray()) is var tail && tail.Length < text.Length ? tail : null;
        var number = unit is null ? text : text[..^unit.Length];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0 || !double.IsFinite(n))
        {
            return null;
        }
        double? perUnit = unit?.ToLowerInvariant() switch
        {
            null or "" or "px" => 1,
            "pt" => 96.0 / 72,
            "pc" => 16,
            "in" => 96,
            "cm" => 96 / 2.54,
            "mm" => 96 / 25.4,
            _ => null,
        };
        return n * perUnit;
    }

    private static (double Width, double Height)? ViewBox(string? value)
    {
        var parts = (value ?? "").Split([' ', ',', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 4)
        {
            return null;
        }
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.NaN).ToArray();
        return numbers[2] > 0 && numbers[3] > 0 && double.IsFinite(numbers[2]) && double.IsFinite(numbers[3])
            ? (numbers[2], numbers[3])
            : null;
    }
}
