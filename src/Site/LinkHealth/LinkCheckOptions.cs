namespace Site.LinkHealth;

/// <summary>How the external link check behaves. The defaults are for real publishers' sites; tests shrink
/// the delays and timeouts through these options, never by changing the defaults.</summary>
internal sealed record LinkCheckOptions
{
    /// <summary>Fetch links to loopback, private, link-local and other non-public addresses too.</summary>
    public bool AllowPrivate { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Per request, until the response headers arrive.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A link that answers, but only after this long, is reported as slow.</summary>
    public TimeSpan SlowThreshold { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxRedirects { get; init; } = 10;

    /// <summary>Retries after a 5xx, 408, 429 or a dropped connection, with exponential backoff and jitter.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>The median wait before the first retry; each later retry waits about twice as long.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest <c>Retry-After</c> that is honoured; a server asking for more is reported, not waited for.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public int PerHostConcurrency { get; init; } = 2;

    public int TotalConcurrency { get; init; } = 16;

    /// <summary>Where a publisher can learn who is checking their pages (the site's own address), put in the User-Agent.</summary>
    public Uri? ContactUrl { get; init; }
}
