namespace Site.LinkHealth;

/// <summary>One external URL of the site and every place it appears. A cited source is checked before other
/// links; its <paramref name="Archive"/> copy, if any, tells the reader where to go when the source dies.</summary>
internal sealed record ExternalLink(string Url, IReadOnlyList<LinkOrigin> Origins, bool IsSource = false, string? Archive = null);

/// <summary>Where a link appears: a file as the user names it, with a 1-based line and column.</summary>
internal sealed record LinkOrigin(string File, int Line, int Column);
