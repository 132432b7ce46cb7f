using Site.Content;
using Site.Diagnostics;
using Site.Images;
using Site.Markdown.Figures;

namespace Site.Generation;

/// <summary>
/// The files an article publishes beside its page, under its URL: the sized variants of the images it
/// shows (made by <see cref="ImageEngine"/>, never the original), and a bundle's other files, each let
/// through by <see cref="AttachmentPolicy"/>. An image is found relative to the article's Markdown file
/// and must be inside content/.
/// </summary>
internal sealed class BundleFiles(string contentDir, ImageEngine engine, bool allowHtml)
{
    private readonly string _contentRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir)) + Path.DirectorySeparatorChar;

    /// <summary>The image cache of a site: beside content/, where no build output goes.</summary>
    public static string CacheFolder(string contentDir) =>
        Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentDir)))!, ".site-cache", "images");

    public ImageResolver For(Article article) => (url, at, diagnostics) => Image(article, url, at, diagnostics);

    private PublishedImage? Image(Article article, string url, FilePosition at, DiagnosticBag diagnostics)
    {
        var written = Uri.UnescapeDataString(url.Split('?', '#')[0]);
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(article.FullPath)!, written));
        void Report(string problem) => diagnostics.Report(DiagnosticCode.ImageProblem, at, $"image '{url}' {problem}");

        if (!Inside(full))
        {
            Report("is outside content/: put the image in the article's folder, beside its index.md");
            return null;
        }
        if (!File.Exists(full))
        {
            Report($"does not exist: there is no file {SitePath.Display(full)}");
            return null;
        }
        if (new FileInfo(full).LinkTarget is not null && !Inside(Path.GetFullPath(new FileInfo(full).ResolveLinkTarget(true)?.FullName ?? full)))
        {
            Report("is a symbolic link to a file outside content/: copy the image in instead");
            return null;
        }
        var (folder, prefix) = OutputName(article, full);
        if (Path.GetExtension(full).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            return Drawing(full, article.Url + folder, Report);
        }
        var result = engine.Process(full);
        if (result.Problem is { } imageProblem)
        {
            Report($"cannot be published: {imageProblem.Message}");
            return null;
        }
        ImageCandidate Candidate(ImageVariant v) => new(Escape(folder + prefix + v.FileName), v.Width);
        var largest = result.Fallback!;
        var files = result.All.Select(v => new PublishedFile(v.CachedFile, article.Url + folder + prefix + v.FileName)).ToList();
        return new PublishedImage(largest.Width, largest.Height, [.. result.Primary.Select(Candidate)], [.. result.WebP.Select(Candidate)], files);
    }

    /// <summary>An SVG is published as it is, when it is safe (or allow_html is on) and says its size.</summary>
    private PublishedImage? Drawing(string full, string outputFolder, Action<string> report)
    {
        var decision = AttachmentPolicy.Classify(full, allowHtml, engine.Settings.Limits);
        if (decision.Kind != AttachmentKind.VectorImage)
        {
            report($"cannot be published: {decision.Reason}");
            return null;
        }
        if (decision.Svg is not { Width: { } width, Height: { } height })
        {
            report("has no size: give its <svg> element width and height, or a viewBox, so the page can reserve its space");
            return null;
        }
        var name = Path.GetFileName(full);
        var (w, h) = ((int)Math.Ceiling(width), (int)Math.Ceiling(height));
        return new PublishedImage(w, h, [new ImageCandidate(Escape(name), w)], [], [new PublishedFile(full, outputFolder + name)]);
    }

    /// <summary>
    /// Where an image's files go under the article's URL: inside the article's own folder, at the same
    /// relative path ("img/" and ""); elsewhere in content/, flat, named after its path ("" and "shared-").
    /// </summary>
    private (string Folder, string Prefix) OutputName(Article article, string full)
    {
        var home = article.BundleFolder ?? Path.GetDirectoryName(article.FullPath)!;
        var relative = Path.GetRelativePath(home, Path.GetDirectoryName(full)!).Replace('\\', '/');
        if (relative == ".")
        {
            return ("", "");
        }
        if (!relative.StartsWith("..", StringComparison.Ordinal))
        {
            return (relative + "/", "");
        }
        var fromContent = Path.GetRelativePath(_contentRoot, Path.GetDirectoryName(full)!).Replace('\\', '/');
        return ("", fromContent == "." ? "" : fromContent.Replace('/', '-') + "-");
    }

    /// <summary>A bundle's files other than Markdown and images, published as they are; refused ones are reported.</summary>
    public List<PublishedFile> Attachments(Article article, DiagnosticBag diagnostics)
    {
        if (article.BundleFolder is not { } bundle)
        {
            return [];
        }
        var files = FileTree.Files(bundle, _contentRoot, diagnostics, entry => !entry.Name.StartsWith('.') && !IsOtherBundle(entry, bundle));
        var published = new List<PublishedFile>();
        foreach (var file in files.Where(f => !Path.GetExtension(f).Equals(".md", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            var decision = AttachmentPolicy.Classify(file, allowHtml, engine.Settings.Limits);
            var relative = Path.GetRelativePath(bundle, file).Replace('\\', '/');
            var outputPath = article.Url + relative;
            if (relative is "index.html" or AnnotationsFile.Name)
            {
                diagnostics.Report(DiagnosticCode.AttachmentRefused, new FilePosition(SitePath.Display(file)), $"not published: the page's own {relative} is written there; rename the file");
                continue;
            }
            switch (decision.Kind)
            {
                case AttachmentKind.Publish or AttachmentKind.VectorImage:
                    published.Add(new PublishedFile(file, outputPath));
                    break;
                case AttachmentKind.Refused:
                    diagnostics.Report(DiagnosticCode.AttachmentRefused, new FilePosition(SitePath.Display(file)), $"not published: {decision.Reason}");
                    break;
            }
        }
        return published;
    }

    /// <summary>A folder inside a bundle that has its own index.md is an article of its own.</summary>
    private static bool IsOtherBundle(FileSystemInfo entry, string bundle) =>
        entry is DirectoryInfo folder && folder.FullName != bundle && ContentLoader.IsBundleFolder(folder);

    private bool Inside(string full) => full.StartsWith(_contentRoot, StringComparison.Ordinal);

    private static string Escape(string relativeUrl) => string.Join('/', relativeUrl.Split('/').Select(Uri.EscapeDataString));
}
