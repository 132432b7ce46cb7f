namespace Site.Preview;

/// <summary>
/// Turns a request target into a key of the in-memory site, refusing anything that tries to step
/// outside it. The raw target is checked, not the server's decoded path, so encoded tricks (%2e%2e,
/// %2f, %5c, %00) are seen as sent. Files are served from memory, so no key can name a file on disk.
/// </summary>
internal static class RequestPath
{
    /// <summary>The site key ("a/index.html"), or null when the target is refused.</summary>
    public static string? ToKey(string rawTarget)
    {
        var path = rawTarget;
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            path = path[..query];
        }
        if (path.Length == 0 || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('\\')
            || path.Contains("%2f", StringComparison.OrdinalIgnoreCase) || path.Contains("%5c", StringComparison.OrdinalIgnoreCase)
            || path.Contains("%00", StringComparison.Ordinal))
        {
            return null;
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(path);
        }
        catch (UriFormatException)
        {
            return null;
        }
        var segments = decoded[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            // Dot segments, dotfiles, empty inner segments ("a//b") and control characters are all refused.
            if ((segment.Length == 0 && i < segments.Length - 1) || segment.StartsWith('.') || segment.Any(char.IsControl) || segment.Contains(':'))
            {
                return null;
            }
        }
        return decoded.EndsWith('/') ? decoded[1..] + "index.html" : decoded[1..];
    }
}
