using Site.LinkHealth;

namespace Site.Tests.LinkHealth;

/// <summary>Runs the real checker the way the command will, with retries and backoff kept short through
/// options (never by changing the defaults) so that the suite stays fast.</summary>
internal static class LinkCheck
{
    /// <summary>A hang bound, not an expectation: every check here ends in seconds.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromMinutes(2);

    public static readonly LinkOrigin Origin = new("content/article.md", 4, 7);

    /// <summary>Loopback allowed (the test servers are there); the slow threshold out of reach, so that a
    /// loaded machine cannot turn a healthy answer into a slow one.</summary>
    public static LinkCheckOptions Fast { get; } = new()
    {
        AllowPrivate = true,
        MaxRetries = 2,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        SlowThreshold = TimeSpan.FromMinutes(5),
    };

    public static async Task<LinkReport> OneAsync(string url, LinkCheckOptions? options = null, bool isSource = false, string? archive = null)
    {
        var reports = await AllAsync([new ExternalLink(url, [Origin], isSource, archive)], options);
        return Assert.Single(reports);
    }

    public static Task<IReadOnlyList<LinkReport>> AllAsync(IReadOnlyList<ExternalLink> links, LinkCheckOptions? options = null, LinkCache? cache = null, TimeProvider? time = null) =>
        new ExternalLinkChecker(options ?? Fast, time ?? TimeProvider.System).CheckAsync(links, cache, CancellationToken.None).WaitAsync(Hang);

    /// <summary>The one diagnostic the report gives, as the command prints it.</summary>
    public static string Finding(LinkReport report) => Assert.Single(LinkFindings.From([report])).ToString();
}
