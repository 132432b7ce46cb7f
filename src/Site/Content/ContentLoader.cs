using Site.Diagnostics;

namespace Site.Content;

/// <summary>Everything read from content/: the site settings and the articles to publish.</summary>
internal sealed record SiteContent(SiteConfig Config, IReadOnlyList<Article> Articles, IReadOnlyDictionary<string, Source> Sources);

/// <summary>Reads content/: site.yml and every **/*.md article, in a stable order.</summary>
internal static class ContentLoader
{
    public static SiteContent Load(string contentDir, bool includeDrafts, DiagnosticBag diagnostics)
    {
        var config = SiteConfig.Load(contentDir, diagnostics);
        var sources = SourceRegistry.LoadSiteSources(contentDir, diagnostics);
        var files = ArticleFiles(contentDir, diagnostics).Order(StringComparer.Ordinal).ToList();
        var articles = new Article?[files.Count];
        Parallel.For(0, files.Count, i => articles[i] = Read(files[i], diagnostics) is { } article
            ? article with { ContentPath = Path.GetRelativePath(contentDir, files[i]).Replace('\\', '/') }
            : null);

        var published = new List<Article>(files.Count);
        var bySlug = new Dictionary<string, Article>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            if (article is null || (article.Draft && !includeDrafts))
            {
                continue;
            }
            if (bySlug.TryGetValue(article.Slug, out var first))
            {
                var (line, column) = article.SlugPosition;
                diagnostics.Error(article.File, line, column, "SITE007", $"slug '{article.Slug}' is already used by {first.File}; give one of them another slug");
                continue;
            }
            bySlug.Add(article.Slug, article);
            published.Add(article);
        }
        return new SiteContent(config, published, sources);
    }

    /// <summary>Every *.md under content/, skipping dot-folders. Links are followed only to files inside
    /// content/: a link to a folder could loop, and a link out of content/ could publish any file.</summary>
    private static IEnumerable<string> ArticleFiles(string contentDir, DiagnosticBag diagnostics)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir)) + Path.DirectorySeparatorChar;
        var folders = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        while (folders.Count > 0)
        {
            foreach (var entry in folders.Pop().EnumerateFileSystemInfos())
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue;
                }
                var isArticle = entry is FileInfo && entry.Extension.Equals(".md", StringComparison.OrdinalIgnoreCase);
                if (entry.LinkTarget is not null)
                {
                    if (LinkProblem(entry, root) is { } problem)
                    {
                        diagnostics.Error(SitePath.Display(entry.FullName), 0, 0, "SITE009", problem);
                    }
                    else if (isArticle)
                    {
                        yield return entry.FullName;
                    }
                    continue;
                }
                if (entry is DirectoryInfo folder)
                {
                    folders.Push(folder);
                }
                else if (isArticle)
                {
                    yield return entry.FullName;
                }
            }
        }
    }

    /// <summary>Why a symbolic link in content/ or templates/ cannot be used, or null when it can.</summary>
    public static string? LinkProblem(FileSystemInfo link, string root)
    {
        try
        {
            if (link is DirectoryInfo || Directory.Exists(link.FullName))
            {
                return "symbolic link to a folder: links to folders are not followed";
            }
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                return $"symbolic link to '{link.LinkTarget}', which does not exist";
            }
            return Path.GetFullPath(target.FullName).StartsWith(root, StringComparison.Ordinal)
                ? null
                : $"symbolic link to '{target.FullName}' points outside {Path.GetFileName(Path.TrimEndingDirectorySeparator(root))}/; copy the file in instead";
        }
        catch (IOException e)
        {
            return $"symbolic link that cannot be followed ({e.Message})";
        }
    }

    private static Article? Read(string path, DiagnosticBag diagnostics)
    {
        var file = SitePath.Display(path);
        string text;
        try
        {
            text = TextFile.Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Error(file, 0, 0, "SITE008", $"cannot read article: {e.Message}");
            return null;
        }
        return FrontMatter.Parse(text, file, Slug.FromFileName(path), diagnostics);
    }
}
