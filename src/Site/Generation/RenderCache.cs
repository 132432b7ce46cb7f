using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Site.Content;
using Site.Diagnostics;

namespace Site.Generation;

/// <summary>
/// Rendered article pages kept between the builds of one preview session. A page is reused only when
/// its file (by write time and length), its front matter, the templates and the settings are what they
/// were, and an article page depends on nothing else, so a rebuild with the cache writes the same bytes
/// as a full build, without reading the unchanged files again.
/// </summary>
internal sealed class RenderCache
{
    private readonly ConcurrentDictionary<string, Entry> _pages = new(StringComparer.Ordinal);

    /// <summary>Articles as loaded (front matter only), by full path, for <see cref="ContentLoader.Load"/>.</summary>
    public ConcurrentDictionary<string, Article> Articles { get; } = new(StringComparer.Ordinal);
    private string _stamp = "";
    private int _rendered;

    /// <param name="Page">The page as written, reload script included, encoded: nothing left to redo.</param>
    /// <param name="CitedSources">Keys of the site-wide sources the article cites.</param>
    public sealed record Entry(
        string Fingerprint,
        byte[] Page,
        byte[] AnnotationsJson,
        LinkChecker.PageLinks Links,
        IReadOnlyList<Diagnostic> Diagnostics,
        IReadOnlyList<string> CitedSources);

    /// <summary>Pages rendered afresh in the last build; the rest came from the cache.</summary>
    public int Rendered => _rendered;

    /// <summary>Starts a build: everything is dropped when templates or settings changed.</summary>
    public void Begin(string stamp, IEnumerable<Article> articles)
    {
        if (stamp != _stamp)
        {
            _pages.Clear();
            _stamp = stamp;
        }
        var current = articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in _pages.Keys.Where(f => !current.Contains(f)))
        {
            _pages.TryRemove(file, out _);
        }
        _rendered = 0;
    }

    public bool TryGet(Article article, out Entry entry) =>
        _pages.TryGetValue(article.File, out entry!) && entry.Fingerprint == Fingerprint(article);

    public void Set(Article article, Entry entry)
    {
        _pages[article.File] = entry;
        Interlocked.Increment(ref _rendered);
    }

    public static string Fingerprint(Article article)
    {
        var sources = string.Join('\u0002', article.Sources.Values);
        var text = string.Join('\u0001', sources, article.Slug, article.Title, article.Date.ToIso(), article.Summary, string.Join('\u0002', article.Tags),
            article.Author, article.Draft, article.Source?.Name, article.Source?.Url, article.FullPath, article.Stamp.Ticks, article.Stamp.Length);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
