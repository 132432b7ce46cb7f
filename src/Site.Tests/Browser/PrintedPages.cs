using System.Text;
using System.Text.RegularExpressions;

namespace Site.Tests.Browser;

/// <summary>Which pages of a PDF printed by Chromium draw any text. Chromium writes each page as a plain
/// <c>/Type /Page</c> dictionary whose resources name the fonts drawn on it, so a page with no
/// <c>/Font</c> entry has no text; enough for a test, not a PDF reader.</summary>
internal static partial class PrintedPages
{
    public static IReadOnlyList<bool> WithText(byte[] pdf)
    {
        var pages = PageDictionary().Split(Encoding.Latin1.GetString(pdf)).Skip(1).ToList();
        Assert.NotEmpty(pages);
        return [.. pages.Select(rest => rest[..Math.Max(0, rest.IndexOf("endobj", StringComparison.Ordinal))].Contains("/Font", StringComparison.Ordinal))];
    }

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PageDictionary();
}
