namespace Site.LinkHealth;

/// <summary>
/// Checks a site's external links: each URL is fetched once however many articles cite it (the #fragment
/// is not part of what is fetched), cited sources before other links, politely and in parallel, and results
/// younger than the cache's age limit are reused without a request. The caller loads and saves the cache.
/// </summary>
internal sealed class ExternalLinkChecker(LinkCheckOptions options, TimeProvider time)
{
    public async Task<IReadOnlyList<LinkReport>> CheckAsync(IReadOnlyList<ExternalLink> links, LinkCache? cache, CancellationToken cancellationToken)
    {
        var keyed = links.Select(link => (Link: link, Key: FetchKey(link.Url))).ToList();
        // Sources first: requests queue in the order they are started.
        var fetches = keyed
            .Where(k => k.Key is not null)
            .GroupBy(k => k.Key!, StringComparer.Ordinal)
            .OrderBy(g => g.Any(k => k.Link.IsSource) ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();

        using var fetcher = new LinkFetcher(options, time);
        var results = await Task.WhenAll(fetches.Select(key => ResultAsync(key, fetcher, cache, cancellationToken)));
        var byKey = fetches.Zip(results).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

        return [.. keyed
            .Select(k => k.Key is { } key
                ? new LinkReport(k.Link, byKey[key].Result, byKey[key].FromCache)
                : new LinkReport(k.Link, new LinkResult(LinkStatus.NotChecked, "was not checked: it is not a valid web address", Cacheable: false), false))
            .OrderBy(r => r.Link.Url, StringComparer.Ordinal)
            .ThenBy(r => r.Link.Origins.FirstOrDefault()?.File, StringComparer.Ordinal)
            .ThenBy(r => r.Link.Origins.FirstOrDefault()?.Line)
            .ThenBy(r => r.Link.Origins.FirstOrDefault()?.Column)];
    }

    private static async Task<(LinkResult Result, bool FromCache)> ResultAsync(string key, LinkFetcher fetcher, LinkCache? cache, CancellationToken cancellationToken)
    {
        if (cache?.TryGet(key) is { } cached)
        {
            return (cached, true);
        }
        var result = await fetcher.FetchAsync(new Uri(key), cancellationToken);
        if (result.Cacheable)
        {
            cache?.Put(key, result);
        }
        return (result, false);
    }

    /// <summary>What is fetched for a link: a web address without its #fragment and without any user:password@
    /// (credentials are never sent); any other absolute URL as it is; null when it is not an absolute URL.</summary>
    internal static string? FetchKey(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) ? null
        : uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps ? uri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped)
        : uri.AbsoluteUri;
}
