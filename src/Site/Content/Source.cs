namespace Site.Content;

/// <summary>A source that notes cite by key, from an article's front matter or content/sources.yml.</summary>
/// <param name="Date">"2022", "2022-01" or "2022-01-26", when known.</param>
internal sealed record Source(string Key, string Title, string Publisher, string Url, string? Date, string? Archive, string File, int Line, int Column)
{
    /// <summary>Keys are letters, digits, '-', '_' and '.': the registry checks them, citations read them.</summary>
    public static bool IsKeyChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '-' or '_' or '.';

    public static bool IsValidKey(string key) => key.Length > 0 && key.All(IsKeyChar);
}
