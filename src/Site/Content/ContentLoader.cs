using Site.Diagnostics;

namespace Site.Content;

/// <summary>Everything read from content/: the site settings and the articles to publish.</summary>
internal sealed record SiteContent(SiteConfig Config, IReadOnlyList<Article> Articles, IReadOnlyDictionary<string, Source> Sources)
{
    /// <summary>Drafts and future-dated articles this build does not publish, in the same order: they are
    /// checked all the same.</summary>
    public IReadOnlyList<Article> HeldBack { get; init; } = [];
}

/// <summary>Reads content/: site.yml and every **/*.md article, in a stable order.</summary>
internal static class ContentLoader
{
    /// <param name="known">Articles read by an earlier build: one whose file is unchanged is taken as it is.</param>
    public static SiteContent Load(string contentDir, Publishing publishing, DiagnosticBag diagnostics, KnownArticles? known = null)
    {
        var config = SiteConfig.Load(contentDir, diagnostics);
        var sources = SourceRegistry.LoadSiteSources(contentDir, diagnostics);
        var files = ArticleFiles(contentDir, diagnostics).Order(StringComparer.Ordinal).ToList();
        var articles = new Article?[files.Count];
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir)) + Path.DirectorySeparatorChar;
        using (var content = new StampedFolder(root))
        {
            // FileTree gives full paths under the root.
            Parallel.For(0, files.Count, SmallLoops.For(files.Count), i =>
                articles[i] = ReadFrontMatter(contentDir, files[i], content.Of(files[i].StartsWith(root, StringComparison.Ordinal) ? files[i][root.Length..] : files[i]), diagnostics, known));
        }
        if (known is not null)
        {
            foreach (var gone in known.ByPath.Keys.Except(files).ToList())
            {
                known.ByPath.TryRemove(gone, out _);
            }
        }
        // Held-back articles keep their URLs: one published later must not take another's.
        var located = articles.OfType<Article>().Select(a => a with { Url = a.IsPage ? a.Slug + "/" : config.Permalinks.UrlOf(a) });
        var unique = WithUniqueUrls(located, diagnostics);
        return new SiteContent(config, [.. unique.Where(publishing.Publishes)], sources) { HeldBack = [.. unique.Where(a => !publishing.Publishes(a))] };
    }

    /// <summary>An article's front matter, from <paramref name="known"/> when its file is unchanged: unread
    /// when its stamp says so, not parsed again when its bytes are the same.</summary>
    /// <param name="stamp">The file's stamp, taken before it is read.</param>
    private static Article? ReadFrontMatter(string contentDir, string path, FileStamp stamp, DiagnosticBag diagnostics, KnownArticles? known)
    {
        var same = known?.ByPath.GetValueOrDefault(path);
        if (same is not null && known!.Trusts(same, stamp))
        {
            return same;
        }
        var local = new DiagnosticBag();
        var contentPath = Path.GetRelativePath(contentDir, path).Replace('\\', '/');
        var place = Place.Of(contentPath, path);
        var file = SitePath.Display(path);
        var head = TextFile.TryReadFile(path, headOnly: true, file, DiagnosticCode.UnreadableFile, "article", local);
        // The same bytes at the same place parse to the same article.
        var article = head is not { } text ? null
            : same is not null && same.Digest == text.Digest && same.ContentPath == contentPath && same.File == file ? same with { Stamp = stamp }
            : FrontMatter.Parse(text.Text, file, place.DefaultSlug, local, place.IsPage) is { } read
                ? read with { Markdown = "", FullPath = path, ContentPath = contentPath, Stamp = stamp, Digest = text.Digest, Section = place.Section, BundleFolder = place.BundleFolder }
                : null;
        var found = local.ToSortedList();
        diagnostics.AddRange(found);
        // Only clean articles are remembered: the others must report their problems on every build.
        if (known is not null && article is not null && found.Count == 0)
        {
            known.ByPath[path] = article;
        }
        return article;
    }

    /// <summary>The articles in order, without those whose URL an earlier one took (reported, naming both).</summary>
    private static List<Article> WithUniqueUrls(IEnumerable<Article> articles, DiagnosticBag diagnostics)
    {
        var published = new List<Article>();
        // Keyed by the URL in capitals: URLs that differ only in case ("ǆ" and "ǅ", "σ" and "ς") would be
        // one folder on a case-insensitive file system, and one page would overwrite the other.
        var byUrl = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var key = article.Url.ToUpperInvariant();
            if (byUrl.TryGetValue(key, out var first))
            {
                var (line, column) = article.SlugPosition;
                var clash = first.Slug == article.Slug ? "is already used by" : $"differs only in case from '{first.Slug}' of";
                var url = first.Url == article.Url ? $"both would be published at /{article.Url}" : $"/{article.Url} and /{first.Url} would be one folder";
                diagnostics.Report(DiagnosticCode.DuplicateSlug, new FilePosition(article.File, line, column),
                    $"slug '{article.Slug}' {clash} {first.File}: {url}; give one of them another slug");
                continue;
            }
            byUrl.Add(key, article);
            published.Add(article);
        }
        return published;
    }

    /// <summary>A bundle: a folder of content/ (not content/ itself) whose index.md, in any letter case, is its
    /// article; the folder's other files are that article's alone.</summary>
    public static bool IsBundleFolder(DirectoryInfo folder) => folder.EnumerateFiles(BundleIndex, AnyCase).Any();

    private const string BundleIndex = "index.md";

    private static readonly EnumerationOptions AnyCase = new() { MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = 0 };

    /// <summary>Where an article's file sits: a page or an article, its section, its bundle's folder.</summary>
    private sealed record Place(bool IsPage, string DefaultSlug, string Section, string? BundleFolder)
    {
        public const string PagesFolder = "pages";

        public static Place Of(string contentPath, string fullPath)
        {
            var folders = contentPath.Split('/')[..^1];
            var isBundle = folders.Length > 0 && Path.GetFileName(contentPath).Equals(BundleIndex, StringComparison.OrdinalIgnoreCase);
            var sectionFolders = isBundle ? folders[..^1] : folders;
            var isPage = folders.Length > 0 && folders[0] == PagesFolder;
            return new Place(
                isPage,
                isBundle ? Slug.FromText(folders[^1]) : Slug.FromFileName(contentPath),
                string.Join('/', sectionFolders.Select(Slug.FromText)),
                isBundle ? Path.GetDirectoryName(fullPath) : null);
        }
    }

    /// <summary>Every *.md under content/ but notes for the editors: dot-files and dot-folders, files and
    /// folders whose name starts with '_' (as Jekyll ignores them), and README.md files.</summary>
    private static IEnumerable<string> ArticleFiles(string contentDir, DiagnosticBag diagnostics) =>
        FileTree.Files(contentDir, contentDir, diagnostics, entry => !IsEditorsOnly(entry.Name))
            .Where(path => Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase));

    private static bool IsEditorsOnly(string name) =>
        name.StartsWith('.') || name.StartsWith('_') || name.Equals("README.md", StringComparison.OrdinalIgnoreCase);

    /// <summary>The article with its body, read again from disk; null (reported) if the file can no longer
    /// be read or changed since it was loaded.</summary>
    public static Article? ReadBody(Article article, DiagnosticBag diagnostics)
    {
        if (article.Markdown.Length > 0)
        {
            return article;
        }
        if (!TextFile.TryReadBody(article.FullPath, article.Digest, article.File, DiagnosticCode.UnreadableFile, "article", diagnostics, out var body))
        {
            return null;
        }
        // Read whole when it has changed, or has carriage returns: then it is reported, or split from its text.
        if (body is ({ } markdown, var lines) && lines == article.FrontMatterLines)
        {
            return article with { Markdown = markdown };
        }
        if (TextFile.TryReadFile(article.FullPath, headOnly: false, article.File, DiagnosticCode.UnreadableFile, "article", diagnostics) is not ({ } text, var digest))
        {
            return null;
        }
        // Equal digests also keep the render cache true: a page is cached under the text it was made from.
        if (digest == article.Digest && FrontMatter.Split(text) is { } split && split.ClosingLine == article.FrontMatterLines)
        {
            return article with { Markdown = FrontMatter.Body(text, split) };
        }
        diagnostics.Report(DiagnosticCode.UnreadableFile, new FilePosition(article.File), "the file changed while the site was being built; build again");
        return null;
    }
}
