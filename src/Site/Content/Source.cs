using System.Globalization;

namespace Site.Content;

/// <summary>A source that notes cite by key, from an article's front matter or content/sources.yml.</summary>
/// <param name="Date">"2022", "2022-01" or "2022-01-26", when known.</param>
internal sealed record Source(string Key, string Title, string Publisher, string Url, string? Date, string? Archive, string File, int Line, int Column)
{
    /// <summary>"26 January 2022", "January 2022" or "2022".</summary>
    public string? DateDisplay => Date?.Length switch
    {
        10 => DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        7 => DateOnly.ParseExact(Date + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        _ => Date,
    };
}
