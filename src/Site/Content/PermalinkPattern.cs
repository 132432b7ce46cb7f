using System.Globalization;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>
/// Where articles are published: <c>permalink</c> in site.yml, such as <c>/{year}/{month}/{slug}/</c>. The
/// placeholders are <c>{year}</c>, <c>{month}</c>, <c>{day}</c> (the date as written, two digits),
/// <c>{slug}</c> and <c>{section}</c> (the folder inside content/ that holds the article, or nothing).
/// The default, <c>/{slug}/</c>, keeps every URL the site had before the setting existed.
/// </summary>
internal sealed record PermalinkPattern(IReadOnlyList<string> Segments)
{
    public static readonly PermalinkPattern Default = new(["{slug}"]);

    private static readonly string[] Placeholders = ["{year}", "{month}", "{day}", "{slug}", "{section}"];

    /// <summary>The pattern in <paramref name="node"/>, or null (reported) when it is not allowed.</summary>
    public static PermalinkPattern? Read(YamlScalar node, string file, DiagnosticBag diagnostics)
    {
        var text = node.Value;
        // A quoted value starts one column after its quote.
        var column = node.Column + (node.IsPlain ? 0 : 1);
        void Report(int offset, string message) =>
            diagnostics.Report(DiagnosticCode.PermalinkPattern, new FilePosition(file, node.Line, column + offset), message);

        var segments = new List<string>();
        var valid = true;
        var offset = 0;
        foreach (var segment in text.Split('/'))
        {
            if (segment.Length > 0 && SegmentProblem(segment) is var (at, problem))
            {
                Report(offset + at, problem);
                valid = false;
            }
            else if (segment.Length > 0)
            {
                segments.Add(segment);
            }
            offset += segment.Length + 1;
        }
        if (valid && !segments.Contains("{slug}"))
        {
            Report(0, $"permalink '{text}' has no {{slug}}: every article would get the same URL; add {{slug}}, like /{{year}}/{{slug}}/");
            valid = false;
        }
        return valid ? new PermalinkPattern(segments) : null;
    }

    /// <summary>The first thing wrong in one segment between slashes, at its offset, or null.</summary>
    private static (int At, string Problem)? SegmentProblem(string segment)
    {
        if (Placeholders.Contains(segment))
        {
            return null;
        }
        var open = segment.IndexOfAny(['{', '}']);
        if (open >= 0)
        {
            var close = segment.IndexOf('}', open);
            var name = close > open ? segment[open..(close + 1)] : segment[open..];
            var hint = DidYouMean.Hint(name, Placeholders);
            return Placeholders.Contains(name)
                ? (open, $"placeholder '{name}' must fill a whole part of the permalink, between slashes")
                : (open, $"unknown placeholder '{name}' in permalink{hint}; use {string.Join(", ", Placeholders)}");
        }
        return segment == "assets" || !Slug.IsValid(segment)
            ? (0, $"'{segment}' is not allowed in a permalink: use lowercase letters, digits and hyphens between slashes")
            : null;
    }

    /// <summary>The article's path from the site root, such as "2024/01/my-article/". An empty section adds nothing.</summary>
    public string UrlOf(Article article)
    {
        var date = article.Date.Value;
        var parts = Segments.Select(segment => segment switch
        {
            "{year}" => date.Year.ToString("D4", CultureInfo.InvariantCulture),
            "{month}" => date.Month.ToString("D2", CultureInfo.InvariantCulture),
            "{day}" => date.Day.ToString("D2", CultureInfo.InvariantCulture),
            "{slug}" => article.Slug,
            "{section}" => article.Section,
            _ => segment,
        }).Where(part => part.Length > 0);
        return string.Concat(parts.Select(part => part + "/"));
    }
}
