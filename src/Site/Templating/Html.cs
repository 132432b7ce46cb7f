using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Site.Templating;

internal static class Html
{
    /// <summary>Escapes text for HTML content and quoted attributes. Unlike WebUtility.HtmlEncode it
    /// leaves non-ASCII letters alone, so pages stay readable and byte-stable.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Escape(string? text)
    {
        if (text is null || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
