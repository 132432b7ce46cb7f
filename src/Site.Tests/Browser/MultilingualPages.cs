using Site.Tests.Listings;

namespace Site.Tests.Browser;

/// <summary>
/// The generated site of three languages, built once with each of English, Russian and Kazakh as the
/// site's language (so its home, tag, archive and fact-check pages are in that language) and served over
/// loopback HTTP for the browser.
/// </summary>
public sealed class MultilingualPages : IAsyncLifetime
{
    private readonly Dictionary<string, (MultilingualSite Site, StaticSiteServer Server)> _sites = new(StringComparer.Ordinal);

    /// <summary>Every kind of page the site has, by path from its root: articles with 1, 2, 5 and 21 notes in
    /// <paramref name="language"/>, the home page and its page 2, a tag's page, the tags, the archive, a
    /// month of it and the fact-check index.</summary>
    public static IReadOnlyList<string> Paths(string language) =>
        [.. MultilingualSite.NoteCounts.Select(n => MultilingualSite.SlugWith(language, n) + "/"),
            "", "page/2/", "tags/qantar/", "tags/", "archive/", "archive/2022/01/", "fact-checks/"];

    public async ValueTask InitializeAsync()
    {
        // Three independent builds in process: side by side, they keep both cores busy.
        var sites = await Task.WhenAll(MultilingualSite.Languages.Select(language => Task.Run(() => new MultilingualSite(language))));
        foreach (var (language, site) in MultilingualSite.Languages.Zip(sites))
        {
            Assert.True(site.Result.Published, string.Join("\n", site.Result.Diagnostics));
            _sites[language] = (site, await StaticSiteServer.StartAsync(site.OutputDir));
        }
    }

    /// <summary>The page at <paramref name="path"/> of the site whose language is <paramref name="language"/>.</summary>
    public string Url(string language, string path) => _sites[language].Server.Url + path;

    public async ValueTask DisposeAsync()
    {
        foreach (var (site, server) in _sites.Values)
        {
            await server.DisposeAsync();
            site.Dispose();
        }
    }
}
