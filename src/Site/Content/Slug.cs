using System.Globalization;
using System.Text;

namespace Site.Content;

/// <summary>Slugs name an article's folder in output/ and prefix its note ids, so they must be safe in
/// both: lowercase letters (any script, with their combining marks), digits and single hyphens.</summary>
internal static class Slug
{
    /// <summary>Folder names the site itself uses.</summary>
    private static readonly string[] Reserved = ["assets"];

    public static bool IsReserved(string slug) => Reserved.Contains(slug);

    /// <summary>Why <paramref name="slug"/> is refused, or null when it is allowed.</summary>
    public static string? Problem(string slug) => IsReserved(slug)
        ? $"is reserved: the site writes its own {slug}/ folder"
        : IsValid(slug) ? null : "is not allowed: use lowercase letters, digits and single hyphens, like my-article";

    public static bool IsValid(string slug)
    {
        // NFC only: the same word in NFD is another string, but the same folder on macOS.
        if (slug.Length is 0 or > 200 || slug[0] == '-' || slug[^1] == '-' || slug.Contains("--", StringComparison.Ordinal)
            || Reserved.Contains(slug) || !slug.IsNormalized(NormalizationForm.FormC))
        {
            return false;
        }
        for (var i = 0; i < slug.Length; i++)
        {
            var c = slug[i];
            if (!(c == '-' || char.IsDigit(c) || (char.IsLetter(c) && !char.IsUpper(c)) || (IsMark(c) && i > 0 && slug[i - 1] != '-')))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The default slug for a file name: "My Article 2.md" becomes "my-article-2".</summary>
    public static string FromFileName(string fileName) => FromText(Path.GetFileNameWithoutExtension(fileName));

    /// <summary>A slug from any text, such as a title: "Budget: What's new?" becomes "budget-what-s-new".</summary>
    public static string FromText(string text)
    {
        var slug = Words(text);
        // One that is still not valid (reserved, too long) is reported, never silently changed.
        return slug.Length == 0 ? "article" : slug;
    }

    /// <summary>Words made a slug, with no stand-in: "Oil &amp; Gas" becomes "oil-gas", "Энергетика"
    /// "энергетика"; empty when <paramref name="text"/> has no letter or digit.</summary>
    public static string Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || (IsMark(c) && builder.Length > 0 && builder[^1] != '-'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }

    /// <summary>Vowel signs and other marks that Devanagari, Thai, Arabic and many more scripts write
    /// words with: "समाचार" is one word, not "सम-च-र".</summary>
    private static bool IsMark(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
