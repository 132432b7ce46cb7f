namespace Site.LinkHealth;

internal enum LinkStatus
{
    Ok,

    /// <summary>Answered after a redirect within the same site: nothing for the author to do.</summary>
    Redirected,

    /// <summary>Redirects to another site or to a home page: the article may no longer cite what it meant to.</summary>
    Moved,

    Dead,

    /// <summary>Answered, but slower than the threshold.</summary>
    Slow,

    /// <summary>Never fetched (a private address, not a web address) or not answerable now (rate-limited).</summary>
    NotChecked,
}

/// <summary>What fetching one URL found. <paramref name="Message"/> completes a sentence that starts with
/// the URL ("… returns 404 Not Found"), in words a journalist understands.</summary>
/// <param name="Cacheable">False when the next run should ask again (rate-limited, refused by policy).</param>
internal sealed record LinkResult(
    LinkStatus Status,
    string Message,
    int? StatusCode = null,
    string? FinalUrl = null,
    TimeSpan? Elapsed = null,
    bool Cacheable = true);

/// <summary>The result for one input link; <paramref name="FromCache"/> when no request was made this run.</summary>
internal sealed record LinkReport(ExternalLink Link, LinkResult Result, bool FromCache);
