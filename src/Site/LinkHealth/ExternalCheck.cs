using Site.Content;
using Site.Diagnostics;
using Site.Generation;
using Site.Markdown;

namespace Site.LinkHealth;

/// <summary>How <c>site check --external</c> runs: where its cache lives and how patient it is.</summary>
/// <param name="CachePath">The results of earlier runs; outside output/, so a build never publishes or deletes it.</param>
/// <param name="MaxAge">A result younger than this is reused without asking the publisher again.</param>
internal sealed record ExternalCheckOptions(
    bool AllowPrivate = false,
    string CachePath = ExternalCheckOptions.DefaultCachePath,
    TimeSpan? MaxAge = null,
    TimeSpan? RequestTimeout = null,
    TimeSpan? SlowThreshold = null)
{
    public const string DefaultCachePath = ".site-cache/links.json";

    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(24);
}

/// <summary>
/// The external half of <c>site check</c>: every external URL of a loaded site with every place it is
/// written (a source at its key in front matter or sources.yml, a link in a body at its Markdown position),
/// checked by <see cref="ExternalLinkChecker"/> through the on-disk cache, as diagnostics.
/// </summary>
internal static class ExternalCheck
{
    /// <param name="checkedUrls">How many distinct URLs the site has.</param>
    public static IReadOnlyList<Diagnostic> Run(LoadedSite site, ExternalCheckOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken, out int checkedUrls)
    {
        var links = Collect(site);
        checkedUrls = links.Select(l => l.Url).Distinct(StringComparer.Ordinal).Count();
        var checkOptions = new LinkCheckOptions
        {
            AllowPrivate = options.AllowPrivate,
            ContactUrl = site.Config.BaseUrl,
            RequestTimeout = options.RequestTimeout ?? new LinkCheckOptions().RequestTimeout,
            SlowThreshold = options.SlowThreshold ?? new LinkCheckOptions().SlowThreshold,
        };
        var cache = LinkCache.Load(options.CachePath, options.MaxAge ?? ExternalCheckOptions.DefaultMaxAge, TimeProvider.System);
        var reports = new ExternalLinkChecker(checkOptions, TimeProvider.System).CheckAsync(links, cache, cancellationToken).GetAwaiter().GetResult();
        try
        {
            cache.Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The check itself succeeded; the next run will only ask the publishers again.
            diagnostics.Report(DiagnosticCode.LinkCacheNotSaved, new FilePosition(options.CachePath), $"the link check's results could not be saved: {e.Message}");
        }
        return LinkFindings.From(reports);
    }

    /// <summary>Sources (site-wide, then each article's), then the web links of every article body. A URL
    /// that is both a source and a body link is one request, reported at each place as what it is there.</summary>
    public static IReadOnlyList<ExternalLink> Collect(LoadedSite site)
    {
        var sources = site.Content.Sources.Values
            .Concat(site.Content.Articles.SelectMany(a => a.Sources.Values))
            .GroupBy(s => (s.Url, s.Archive))
            .Select(g => new ExternalLink(g.Key.Url, [.. g.Select(s => new LinkOrigin(s.File, s.Line, s.Column)).Distinct()], IsSource: true, g.Key.Archive));
        var markdown = new MarkdownRenderer(site.Config.AllowHtml);
        var bodyLinks = site.Content.Articles
            .SelectMany(article => BodyLinks(article, markdown, site))
            .GroupBy(o => o.Url, StringComparer.Ordinal)
            .Select(g => new ExternalLink(g.Key, [.. g.Select(o => o.Origin)]));
        return [.. sources, .. bodyLinks];
    }

    /// <summary>The article's absolute web links, at their Markdown positions.</summary>
    private static IEnumerable<(string Url, LinkOrigin Origin)> BodyLinks(Article listed, MarkdownRenderer markdown, LoadedSite site)
    {
        var local = new DiagnosticBag();
        var article = ContentLoader.ReadBody(listed, local);
        var rendered = article is null ? null : markdown.Render(article, site.Content.Sources, local);
        // An article with errors was reported by the build that runs before the check: nothing to add twice.
        return rendered is null ? [] : rendered.Links
            .Where(link => IsWeb(link.Url))
            .Select(link => (link.Url, new LinkOrigin(listed.File, link.Line, link.Column)));
    }

    private static bool IsWeb(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
