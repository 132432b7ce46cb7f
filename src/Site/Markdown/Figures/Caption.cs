using System.Text.RegularExpressions;

namespace Site.Markdown.Figures;

/// <summary>
/// An image's title, read as a figure's caption: <c>![alt](photo.jpg "Riot police in Almaty — Credit: Jane
/// Doe/Reuters")</c>. A trailing "Credit: …", after an em dash (or "--") or alone, is the credit, which
/// the figure sets apart from the caption.
/// </summary>
internal sealed partial record Caption(string? Text, string? Credit)
{
    public static Caption Parse(string title)
    {
        var match = WithCredit().Match(title.Trim());
        return match.Success
            ? new Caption(match.Groups["caption"].Success ? match.Groups["caption"].Value : null, match.Groups["credit"].Value)
            : new Caption(title.Trim(), null);
    }

    [GeneratedRegex(@"^(?:(?<caption>.*?\S)\s+(?:—|--)\s+)?(?<credit>Credit:\s*\S.*)$", RegexOptions.Singleline)]
    private static partial Regex WithCredit();
}
