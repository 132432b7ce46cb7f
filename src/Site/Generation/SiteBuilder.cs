using System.Collections.Concurrent;
using System.Diagnostics;
using Scriban.Runtime;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;
using Site.Templating;

namespace Site.Generation;

/// <summary>The build, top to bottom: read content, parse templates, render every article, write the
/// index, extras and assets, check every link. <see cref="Build(BuildOptions, CancellationToken)"/> publishes to disk only
/// if nothing failed; the preview server builds into memory with the same code.</summary>
internal static class SiteBuilder
{
    private static readonly string[] RequiredTemplates = ["layout.html", "article.html", "index.html"];

    /// <summary>Optional templates: written when present. The XML ones need absolute URLs, so a base URL.</summary>
    private static readonly (string Template, bool NeedsBaseUrl)[] Extras =
        [("404.html", false), ("robots.txt", false), ("sitemap.xml", true), ("feed.xml", true)];

    /// <summary>Builds into a staging folder and swaps it in for the output folder if the build succeeded.</summary>
    /// <param name="stop">Ctrl+C: up to the swap, the build stops at its next file and throws
    /// <see cref="OperationCanceledException"/>, leaving the output folder as it was.</param>
    public static BuildResult Build(BuildOptions options, CancellationToken stop = default)
    {
        var staging = OutputStaging.Begin(options.OutputDir, stop);
        try
        {
            var result = Build(options, staging);
            if (result.Published)
            {
                staging.Write(OutputGuard.Marker, OutputGuard.MarkerText);
                staging.Commit();
            }
            else
            {
                staging.Discard();
            }
            return result;
        }
        catch (Exception e) when (stop.IsCancellationRequested)
        {
            // The stop surfaces from whichever write saw it first, wrapped by Parallel.ForEach when a page's.
            staging.Discard();
            throw new OperationCanceledException("the build was stopped", e, stop);
        }
        catch
        {
            staging.Discard();
            throw;
        }
    }

    /// <summary>Builds into <paramref name="output"/>; the result says whether the build may be published.</summary>
    public static BuildResult Build(BuildOptions options, ISiteOutput output, RenderCache? cache = null)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();

        // 1. Read everything; nothing is rendered until all content and templates are known.
        var content = ContentLoader.Load(options.ContentDir, options.Drafts, diagnostics, cache?.Articles);
        var config = options.BaseUrl is { } baseUrl ? content.Config with { BaseUrl = baseUrl } : content.Config;
        var templates = TemplateSet.Load(options.TemplatesDir, RequiredTemplates, diagnostics);
        templates.LoopLimit = LoopLimitFor(content.Articles);
        var markdown = new MarkdownRenderer(config.AllowHtml);
        var site = PageModel.Site(config);
        site.IsReadOnly = true;
        var links = new LinkChecker(config.BaseUrl, diagnostics);
        var indexFile = SitePath.Display(Path.Combine(options.TemplatesDir, "index.html"));
        var citedSiteSources = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        cache?.Begin(
            $"{templates.Fingerprint}|{config}|{options with { ContentDir = "", TemplatesDir = "", OutputDir = "" }}|{string.Join('|', content.Sources.Values)}",
            content.Articles);

        (LinkChecker.PageLinks Links, byte[] Page) WritePage(string path, string html, string sourceFile, IReadOnlyList<SourceLink> sourceLinks)
        {
            var page = System.Text.Encoding.UTF8.GetBytes(options.PageInjection is { } injection ? Inject(html, injection) : html);
            output.Write(path, page);
            return (links.AddPage(path, html, sourceFile, sourceLinks), page);
        }

        // 2. Render each article and write its page as soon as it is ready, so memory stays flat.
        var written = 0;
        Parallel.ForEach(content.Articles, listed =>
        {
            var path = listed.Slug + "/index.html";
            var annotationsPath = listed.Slug + "/" + AnnotationsFile.Name;
            if (cache is not null && !templates.HasErrors && cache.TryGet(listed, out var cached))
            {
                diagnostics.AddRange(cached.Diagnostics);
                output.Write(path, cached.Page);
                links.Add(cached.Links);
                output.Write(annotationsPath, cached.AnnotationsJson);
                links.AddFile(annotationsPath);
                foreach (var key in cached.CitedSources)
                {
                    citedSiteSources.TryAdd(key, 0);
                }
                Interlocked.Increment(ref written);
                return;
            }
            var local = new DiagnosticBag();
            var article = ContentLoader.ReadBody(listed, local);
            var rendered = article is null ? null : markdown.Render(article, content.Sources, local);
            string? html = null;
            if (article is not null && rendered is not null && !templates.HasErrors)
            {
                var globals = PageModel.Page(site, Html.Escape(article.Title), Escape(article.Summary), article.Slug + "/", "../", config);
                globals["article"] = PageModel.Article(article, config, rendered);
                html = RenderPage(templates, "article.html", globals, local);
            }
            var found = local.ToSortedList();
            diagnostics.AddRange(found);
            if (article is null || html is null || rendered is null)
            {
                links.AddFailed(path);
                return;
            }
            var (pageLinks, page) = WritePage(path, html, article.File, rendered.Links);
            var annotations = System.Text.Encoding.UTF8.GetBytes(AnnotationsFile.Write(rendered));
            output.Write(annotationsPath, annotations);
            links.AddFile(annotationsPath);
            var cited = rendered.Annotations.Sources.Select(s => s.Source).Where(s => content.Sources.ContainsKey(s.Key) && !article.Sources.ContainsKey(s.Key)).Select(s => s.Key).ToList();
            foreach (var key in cited)
            {
                citedSiteSources.TryAdd(key, 0);
            }
            Interlocked.Increment(ref written);
            if (!local.HasErrors)
            {
                cache?.Set(listed, new RenderCache.Entry(RenderCache.Fingerprint(listed), page, annotations, pageLinks, found, cited));
            }
        });
        var pages = written;

        // Site-wide sources are checked once every article is known: a source no article cites is noise.
        // (Not after errors: a failed article's citations were never counted.)
        if (!diagnostics.HasErrors)
        {
            foreach (var source in content.Sources.Values.Where(s => !citedSiteSources.ContainsKey(s.Key)))
            {
                diagnostics.Warning(source.File, source.Line, source.Column, "SITE074", $"source '{source.Key}' is never cited");
            }
        }

        // 3. The index and the extras list every article, newest first (ties by slug, for stable output).
        if (!templates.HasErrors)
        {
            var newest = content.Articles.OrderByDescending(a => a.Date.Value).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList();
            var listed = PageModel.Array(newest.Select(a => PageModel.Article(a, config)));
            var updated = newest.Count > 0 ? newest[0].Date.ToRfc3339() : null;

            ScriptObject Globals(string title, string url, string root)
            {
                var globals = PageModel.Page(site, title, Escape(config.Description), url, root, config);
                globals["articles"] = listed;
                globals["updated"] = updated;
                return globals;
            }

            if (RenderPage(templates, "index.html", Globals(Html.Escape(config.Title), "", "./"), diagnostics) is { } index)
            {
                WritePage("index.html", index, indexFile, []);
                pages++;
            }
            foreach (var (name, needsBaseUrl) in Extras)
            {
                if (!templates.Contains(name) || (needsBaseUrl && config.BaseUrl is null))
                {
                    continue;
                }
                // The 404 page is served at any depth, so its links start from the site's base path.
                var root = name == "404.html" ? config.BaseUrl?.AbsolutePath ?? "/" : "";
                var globals = Globals("Page not found", name, root);
                if (!name.EndsWith(".html", StringComparison.Ordinal))
                {
                    if (templates.Render(name, globals, diagnostics) is { } text)
                    {
                        output.Write(name, text);
                        links.AddFile(name);
                    }
                }
                else if (RenderPage(templates, name, globals, diagnostics) is { } html)
                {
                    output.Write(name, options.PageInjection is { } injection ? Inject(html, injection) : html);
                    links.AddFile(name);
                }
            }
        }

        // 4. Theme assets are copied as they are.
        CopyAssets(Path.Combine(options.TemplatesDir, TemplateSet.AssetsFolder), output, links, diagnostics);

        // 5. Every internal link and anchor must resolve in what was written.
        links.Check();

        var all = diagnostics.ToSortedList();
        var succeeded = !diagnostics.HasErrors && !(options.Strict && all.Count > 0);
        return new BuildResult(all, succeeded ? pages : 0, succeeded, clock.Elapsed);
    }

    /// <summary>Renders a page template and wraps it in layout.html.</summary>
    private static string? RenderPage(TemplateSet templates, string name, ScriptObject globals, DiagnosticBag diagnostics)
    {
        if (templates.Render(name, globals, diagnostics) is not { } content)
        {
            return null;
        }
        globals["content"] = content;
        return templates.Render("layout.html", globals, diagnostics);
    }

    private static string Inject(string html, string snippet)
    {
        var body = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return body < 0 ? html + snippet : html.Insert(body, snippet);
    }

    /// <summary>Scriban's loop limit is one budget shared by nested loops; an index over every article and
    /// its tags must fit, however large the site.</summary>
    private static int LoopLimitFor(IReadOnlyList<Article> articles) =>
        1000 + (4 * (articles.Count + articles.Sum(a => a.Tags.Count)));

    private static void CopyAssets(string assetsDir, ISiteOutput output, LinkChecker links, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(assetsDir))
        {
            return;
        }
        var templatesRoot = Path.GetFullPath(Path.Combine(assetsDir, ".."));
        foreach (var file in FileTree.Files(assetsDir, templatesRoot, diagnostics).Order(StringComparer.Ordinal))
        {
            var relative = Path.Combine(TemplateSet.AssetsFolder, Path.GetRelativePath(assetsDir, file)).Replace('\\', '/');
            try
            {
                // An empty file is written, not copied: a FIFO or a device also has no length, and opening one blocks.
                if (new FileInfo(file).Length == 0)
                {
                    output.Write(relative, "");
                }
                else
                {
                    output.CopyFile(file, relative);
                }
                links.AddFile(relative);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(SitePath.Display(file), 0, 0, "SITE034", $"cannot copy asset: {e.Message}");
            }
        }
    }

    private static string? Escape(string? value) => value is null ? null : Html.Escape(value);
}
