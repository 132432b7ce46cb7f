using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Site.Content;
using Site.Diagnostics;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// Rendered article and listing pages kept between builds: in memory for a preview session, on disk (see
/// <see cref="RenderCacheFile"/>) between publish builds. A page is reused only when its file's digest,
/// what it shows of other articles (its translations) and the <see cref="RenderInputs"/> are what they
/// were, and an article page depends on nothing else, so
/// a build with the cache writes the same bytes as a full build. A publish build keeps no bytes: the
/// files are carried from the last build's output, and only while they are as that build left them.
/// </summary>
internal sealed class RenderCache
{
    private readonly ConcurrentDictionary<string, (string Fingerprint, Entry Entry)> _pages;
    private readonly ConcurrentDictionary<string, (string Fingerprint, Listing Entry)> _listings = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, (string Fingerprint, Listing Entry)> _lastListings;
    private readonly Dictionary<string, Listed> _listed = new(StringComparer.Ordinal);
    private string? _inputs;
    private int _rendered;

    /// <summary>A cache in memory, for the builds of one preview session.</summary>
    public RenderCache()
        : this(null, [], new Dictionary<string, (string, Listing)>(), new KnownArticles())
    {
    }

    private RenderCache(string? inputs, IEnumerable<KeyValuePair<string, (string, Entry)>> pages,
        IReadOnlyDictionary<string, (string, Listing)> listings, KnownArticles articles)
    {
        _inputs = inputs;
        _pages = new(pages, StringComparer.Ordinal);
        _lastListings = listings;
        Articles = articles;
    }

    /// <summary>Articles as loaded (front matter only), for <see cref="ContentLoader.Load"/>.</summary>
    public KnownArticles Articles { get; }

    /// <summary>When this build began (ns since 1970), before it looked at any file: what the next one
    /// trusts file stamps against.</summary>
    private long BuildStart { get; } = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    /// <summary>What rendering an article produced, all of it plain data.</summary>
    /// <param name="Page">The page as written, reload script included, encoded: nothing left to redo. Null
    /// when the page is carried from the output folder instead (a publish build).</param>
    /// <param name="Diagnostics">Its warnings (an article with errors is not kept).</param>
    /// <param name="CitedSources">Keys of the site-wide sources the article cites.</param>
    /// <param name="Claims">Its fact-checks, for the site's fact-check index.</param>
    public sealed record Entry(
        byte[]? Page,
        byte[]? AnnotationsJson,
        LinkChecker.PageLinks Links,
        IReadOnlyList<Diagnostic> Diagnostics,
        IReadOnlyList<string> CitedSources,
        IReadOnlyList<CheckedClaim> Claims)
    {
        /// <summary>The page and its other files as the last published build left them in the output folder:
        /// write time 0 until that build is committed.</summary>
        public IReadOnlyList<OutputFile> Files { get; init; } = [];

        /// <summary>Images and attachments published beside the page.</summary>
        public IReadOnlyList<Markdown.Figures.PublishedFile> Bundled { get; init; } = [];
    }

    /// <summary>A listing page, feed or other page made from lists of articles, as the last build wrote it
    /// (see <see cref="ListingPublisher"/>).</summary>
    /// <param name="Links">Its ids and links, for a page whose links are checked.</param>
    /// <param name="Content">The bytes written, in a preview session; null in a publish build, which carries
    /// the file from the output folder instead.</param>
    public sealed record Listing(PageKind Kind, IReadOnlyList<OutputFile> Files, LinkChecker.PageLinks? Links, byte[]? Content = null);

    /// <summary>Pages rendered afresh in the last build; the rest came from the cache.</summary>
    public int Rendered => _rendered;

    /// <summary>Whether the pages' bytes are left in the output folder rather than kept (a publish build).</summary>
    public bool KeepsFiles { get; private init; }

    /// <summary>A cache for publish builds, read from <paramref name="file"/> when it is whole, made for
    /// <paramref name="outputDir"/> by this format, and <paramref name="reuse"/> is set; otherwise empty.</summary>
    public static RenderCache ForPublish(string file, string outputDir, bool reuse)
    {
        var stored = reuse ? RenderCacheFile.Read(file, outputDir) : null;
        var articles = new KnownArticles { NeedsChangeTime = true, RacyFrom = (stored?.BuildStart ?? 0) - KnownArticles.RacyMargin };
        foreach (var article in stored?.Articles ?? [])
        {
            articles.ByPath[article.FullPath] = article;
        }
        return new RenderCache(stored?.Inputs, stored?.Pages ?? new Dictionary<string, (string, Entry)>(),
            stored?.Listings ?? new Dictionary<string, (string, Listing)>(), articles)
        {
            KeepsFiles = true,
            Spare = stored?.Spare,
            Output = stored?.Output,
            Kept = stored?.Kept,
            LastLinkWorld = stored?.LinkWorld,
        };
    }

    /// <summary>The world the last build checked links in, for <see cref="LinkChecker.Check"/> (publish builds).</summary>
    public UInt128? LastLinkWorld { get; private init; }

    /// <summary>What this build's link check found, kept with each page by <see cref="Save"/>.</summary>
    private LinkChecker.Checked? _linksChecked;

    /// <summary>Takes what this build's link check found, for the next build (see <see cref="LinkChecker.Check"/>).</summary>
    public void LinksChecked(LinkChecker.Checked found) => _linksChecked = found;

    /// <summary>The last build's old output, kept for this build to stage into (publish builds).</summary>
    public SpareTree? Spare { get; private init; }

    /// <summary>What the last build left in the output folder (publish builds).</summary>
    public OutputManifest? Output { get; private init; }

    /// <summary>The cache file as read, whose unchanged records the save copies.</summary>
    private RenderCacheFile.KeptRecords? Kept { get; init; }

    /// <summary>Writes the cache after a published build; the files are stamped as they are in the output folder now.</summary>
    /// <param name="spare">The old output this build kept for the next one.</param>
    /// <param name="output">What this build left in the output folder.</param>
    public void Save(string file, string outputDir, SpareTree? spare, OutputManifest? output)
    {
        var pages = _pages.ToDictionary(p => p.Key, p => (p.Value.Fingerprint, Stamped(WithFound(p.Value.Entry), outputDir)), StringComparer.Ordinal);
        var listings = _listings.ToDictionary(p => p.Key, p => (p.Value.Fingerprint, Stamped(WithFound(p.Value.Entry), outputDir)), StringComparer.Ordinal);
        RenderCacheFile.Write(file, outputDir, new RenderCacheFile.Stored(_inputs ?? "", BuildStart, Articles.ByPath.Values.ToList(), pages, listings)
        {
            Spare = spare,
            Output = output,
            Kept = Kept,
            LinkWorld = _linksChecked?.World,
        });
    }

    /// <summary>Starts a build: everything is dropped when its inputs changed, and so are deleted articles.</summary>
    public void Begin(string inputs, IEnumerable<Article> articles)
    {
        if (!KeepsFiles)
        {
            // A preview session's builds follow one another in this cache: what the last one wrote is what this one may reuse.
            _lastListings = _listings.ToDictionary(StringComparer.Ordinal);
            _listings.Clear();
        }
        if (inputs != _inputs)
        {
            _pages.Clear();
            _lastListings = new Dictionary<string, (string, Listing)>();
            _inputs = inputs;
        }
        var current = articles.Select(a => a.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in _pages.Keys.Where(f => !current.Contains(f)))
        {
            _pages.TryRemove(file, out _);
        }
        foreach (var file in _listed.Keys.Where(f => !current.Contains(f)).ToList())
        {
            _listed.Remove(file);
        }
        _rendered = 0;
    }

    /// <param name="shown">What the page shows of other articles (its translations), as text.</param>
    public bool TryGet(Article article, string shown, [MaybeNullWhen(false)] out Entry entry)
    {
        var found = _pages.TryGetValue(article.File, out var cached) && cached.Fingerprint == Fingerprint(article, shown);
        entry = found ? cached.Entry : null;
        return found;
    }

    /// <param name="files">Where the entry's files went, for a publish build to carry them next time.</param>
    public void Set(Article article, string shown, Entry entry, IReadOnlyList<string> files)
    {
        _pages[article.File] = (Fingerprint(article, shown), KeepsFiles
            ? entry with { Page = null, AnnotationsJson = null, Files = [.. files.Select(f => new OutputFile(f, 0, 0))] }
            : entry);
        Interlocked.Increment(ref _rendered);
    }

    /// <summary>An article's model as listings show it, and what it was made from.</summary>
    private sealed record Listed(Article Article, string? Inputs, string Shown, ArticleModel Model);

    /// <summary>Digests of what listings show, by instance (see <see cref="ListingFingerprints"/>): an article
    /// model kept by <see cref="ModelOf"/> is not walked again by the next build.</summary>
    public ConditionalWeakTable<object, byte[]> ListingDigests { get; } = new();

    /// <summary>What listings show of an article, made again only when the article (its front matter, where it
    /// goes), what it shows of its translations, or the <see cref="RenderInputs"/> changed: the same instance
    /// otherwise, so its digest is kept too.</summary>
    /// <param name="shown">What the article shows of its translations, as text.</param>
    /// <param name="make">Makes the article's model when the kept one is out of date.</param>
    public ArticleModel ModelOf(Article article, string shown, Func<ArticleModel> make)
    {
        // Record equality: every field of the article, so a model is never kept for an article that differs.
        if (_listed.TryGetValue(article.File, out var kept) && kept.Inputs == _inputs && kept.Shown == shown && kept.Article.Equals(article))
        {
            return kept.Model;
        }
        var model = make();
        _listed[article.File] = new Listed(article, _inputs, shown, model);
        return model;
    }

    /// <summary>The listing page at <paramref name="path"/> as the last build left it, if its fingerprint was
    /// <paramref name="fingerprint"/>; kept for the next build when this one carries it.</summary>
    public bool TryGetListing(string path, string fingerprint, [MaybeNullWhen(false)] out Listing listing)
    {
        var found = _lastListings.TryGetValue(path, out var last) && last.Fingerprint == fingerprint;
        listing = found ? last.Entry : null;
        if (found)
        {
            _listings[path] = last;
        }
        return found;
    }

    /// <summary>A listing page rendered in this build, for the next build to reuse.</summary>
    /// <param name="content">The bytes written: kept in a preview session only.</param>
    public void SetListing(string path, string fingerprint, PageKind kind, LinkChecker.PageLinks? links, byte[] content) =>
        _listings[path] = (fingerprint, new Listing(kind, [new OutputFile(path, 0, 0)], links, KeepsFiles ? null : content));

    /// <summary>The file's text, by its digest, where it is, and what its page shows of other articles.</summary>
    private static string Fingerprint(Article article, string shown) =>
        new Fingerprint().Add(article.FullPath).Add(article.ContentPath).Add(article.Digest).Add(shown).Finish();

    // An entry carried as it was, its links' check found as before, stays the same instance, so the save copies its bytes.
    private Entry WithFound(Entry entry) => WithFound(entry.Links) is var links && links != entry.Links ? entry with { Links = links! } : entry;

    private Listing WithFound(Listing listing) => WithFound(listing.Links) is var links && links != listing.Links ? listing with { Links = links } : listing;

    /// <summary>The page's links with what this build's check found of them; null found when the check did not see
    /// them (a page that failed, or not in this build), so no later build takes an old finding for a new world.</summary>
    private LinkChecker.PageLinks? WithFound(LinkChecker.PageLinks? links)
    {
        if (links is null)
        {
            return null;
        }
        var found = _linksChecked?.Found.GetValueOrDefault(links);
        var same = found is null ? links.Found is null : links.Found is { } last && last.SequenceEqual(found);
        return same ? links : links with { Found = found };
    }

    // An entry carried as it was, its files stamped already, stays the same instance, so the save copies its bytes.
    private static Entry Stamped(Entry entry, string outputDir) => Stamped(entry.Files, outputDir) is { } files ? entry with { Files = files } : entry;

    private static Listing Stamped(Listing listing, string outputDir) => Stamped(listing.Files, outputDir) is { } files ? listing with { Files = files } : listing;

    /// <summary>The files stamped; null when every one is already.</summary>
    private static List<OutputFile>? Stamped(IReadOnlyList<OutputFile> files, string outputDir) =>
        files.All(f => f.WriteTicks != 0) ? null : [.. files.Select(f => Stamped(f, outputDir))];

    private static OutputFile Stamped(OutputFile file, string outputDir)
    {
        if (file.WriteTicks != 0)
        {
            return file;
        }
        var info = new FileInfo(Path.Combine(outputDir, file.Path));
        return info.Exists ? new OutputFile(file.Path, info.Length, info.LastWriteTimeUtc.Ticks) : file;
    }
}

/// <summary>A file a build wrote into the output folder, by path relative to it, with its length and write
/// time there: a later build carries the file only while both are unchanged.</summary>
internal readonly record struct OutputFile(string Path, long Length, long WriteTicks);
