using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Site.Content;
using Site.Diagnostics;

namespace Site.Generation;

/// <summary>Everything an article page depends on besides its own file and front matter: when any of it
/// changes, every cached page goes.</summary>
/// <param name="Templates">The templates' fingerprint.</param>
/// <param name="BaseUrl">As text: Uri equality, used for <paramref name="Config"/>, ignores user info.</param>
/// <param name="SiteSources">The fingerprint of content/sources.yml's sources.</param>
internal sealed record RenderInputs(string Templates, SiteConfig Config, string? BaseUrl, string? PageInjection, string SiteSources, string Strings);

/// <summary>
/// Rendered article pages kept between the builds of one preview session. A page is reused only when
/// its file (by write time and length), its front matter and the <see cref="RenderInputs"/> are what they
/// were, and an article page depends on nothing else, so a rebuild with the cache writes the same bytes
/// as a full build, without reading the unchanged files again.
/// </summary>
internal sealed class RenderCache
{
    private readonly ConcurrentDictionary<string, (string Fingerprint, Entry Entry)> _pages = new(StringComparer.Ordinal);
    private RenderInputs? _inputs;
    private int _rendered;

    /// <summary>Articles as loaded (front matter only), by full path, for <see cref="ContentLoader.Load"/>.</summary>
    public ConcurrentDictionary<string, Article> Articles { get; } = new(StringComparer.Ordinal);

    /// <summary>What rendering an article produced, all of it plain data.</summary>
    /// <param name="Page">The page as written, reload script included, encoded: nothing left to redo.</param>
    /// <param name="Diagnostics">Its warnings (an article with errors is not kept).</param>
    /// <param name="CitedSources">Keys of the site-wide sources the article cites.</param>
    /// <param name="Claims">Its fact-checks, for the site's fact-check index.</param>
    public sealed record Entry(
        byte[] Page,
        byte[] AnnotationsJson,
        LinkChecker.PageLinks Links,
        IReadOnlyList<Diagnostic> Diagnostics,
        IReadOnlyList<string> CitedSources,
        IReadOnlyList<CheckedClaim> Claims);

    /// <summary>Pages rendered afresh in the last build; the rest came from the cache.</summary>
    public int Rendered => _rendered;

    /// <summary>Starts a build: everything is dropped when its inputs changed, and so are deleted articles.</summary>
    public void Begin(RenderInputs inputs, IEnumerable<Article> articles)
    {
        if (inputs != _inputs)
        {
            _pages.Clear();
            _inputs = inputs;
        }
        var current = articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in _pages.Keys.Where(f => !current.Contains(f)))
        {
            _pages.TryRemove(file, out _);
        }
        _rendered = 0;
    }

    public bool TryGet(Article article, [MaybeNullWhen(false)] out Entry entry)
    {
        var found = _pages.TryGetValue(article.File, out var cached) && cached.Fingerprint == Fingerprint(article);
        entry = found ? cached.Entry : null;
        return found;
    }

    public void Set(Article article, Entry entry)
    {
        _pages[article.File] = (Fingerprint(article), entry);
        Interlocked.Increment(ref _rendered);
    }

    /// <summary>The article's front matter and its file's stamp, which stands for its body.</summary>
    private static string Fingerprint(Article article)
    {
        var fingerprint = new Fingerprint();
        foreach (var source in article.Sources.Values)
        {
            fingerprint.Add(source);
        }
        fingerprint.Add(article.Sources.Count).Add(article.Slug).Add(article.Title).Add(article.Date.ToIso()).Add(article.Summary).Add(article.Tags.Count);
        foreach (var tag in article.Tags)
        {
            fingerprint.Add(tag);
        }
        return fingerprint.Add(article.Author).Add(article.Draft ? 1 : 0).Add(article.OriginalPublication?.Name).Add(article.OriginalPublication?.Url)
            .Add(article.FullPath).Add(article.Stamp.Ticks).Add(article.Stamp.Length).Finish();
    }
}
