namespace Site.Content;

/// <summary>Which articles a build publishes, as Hugo users expect: drafts only with --drafts, and articles
/// dated after <paramref name="Now"/> only with --future. The others are held back: still read and
/// rendered, so their mistakes are reported, but never written.</summary>
/// <param name="Now">The instant a future date is compared with (the clock, or SITE_NOW in tests).</param>
internal sealed record Publishing(bool Drafts, bool Future, DateTimeOffset Now)
{
    public bool Publishes(Article article) => (Drafts || !article.Draft) && (Future || !IsFuture(article));

    public bool IsFuture(Article article) => article.Date.Value > Now;

    /// <summary>Test seam: SITE_NOW, an ISO 8601 instant with its offset, stands in for the clock, so a test
    /// of future-dated articles gives the same answer every day. Unset everywhere but in tests.</summary>
    public const string ClockVariable = "SITE_NOW";

    /// <summary>The instant SITE_NOW names, null when it is unset; an error when it is set but unreadable.</summary>
    public static DateTimeOffset? ClockFromEnvironment(out string? error)
    {
        error = null;
        if (Environment.GetEnvironmentVariable(ClockVariable) is not { Length: > 0 } text)
        {
            return null;
        }
        if (PublishDate.TryParse(text, out var now) && now.HasTime)
        {
            return now.Value;
        }
        error = $"{ClockVariable} must be a date and time with an offset, like 2024-01-31T09:30:00Z, not '{text}'";
        return null;
    }
}
