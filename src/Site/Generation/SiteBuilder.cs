using System.Collections.Concurrent;
using System.Diagnostics;
using Scriban.Runtime;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;
using Site.Templating;

namespace Site.Generation;

/// <summary>The build, top to bottom: read content, parse templates, render every article, write the
/// index, extras and assets into a staging folder, check every link, and publish only if nothing failed.</summary>
internal static class SiteBuilder
{
    private static readonly string[] RequiredTemplates = ["layout.html", "article.html", "index.html"];

    /// <summary>Optional templates: written when present. The XML ones need absolute URLs, so a base URL.</summary>
    private static readonly (string Template, bool NeedsBaseUrl)[] Extras =
        [("404.html", false), ("robots.txt", false), ("sitemap.xml", true), ("feed.xml", true)];

    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();

        // 1. Read everything; nothing is rendered until all content and templates are known.
        var content = ContentLoader.Load(options.ContentDir, options.Drafts, diagnostics);
        var config = options.BaseUrl is { } baseUrl ? content.Config with { BaseUrl = baseUrl } : content.Config;
        var templates = TemplateSet.Load(options.TemplatesDir, RequiredTemplates, diagnostics);
        templates.LoopLimit = LoopLimitFor(content.Articles);
        var markdown = new MarkdownRenderer(config.AllowHtml);
        var site = PageModel.Site(config);
        site.IsReadOnly = true;
        var links = new LinkChecker(config.BaseUrl);
        var indexFile = SitePath.Display(Path.Combine(options.TemplatesDir, "index.html"));

        var staging = OutputStaging.Begin(options.OutputDir);
        try
        {
            // 2. Render each article and write its page as soon as it is ready, so memory stays flat.
            var written = new ConcurrentBag<Article>();
            Parallel.ForEach(content.Articles, article =>
            {
                var rendered = markdown.Render(article, diagnostics);
                if (rendered is null || templates.HasErrors)
                {
                    return;
                }
                var globals = PageModel.Page(site, Html.Escape(article.Title), Escape(article.Summary), article.Slug + "/", "../", config);
                globals["article"] = PageModel.Article(article, config, rendered);
                if (RenderPage(templates, "article.html", globals, diagnostics) is { } html)
                {
                    var path = article.Slug + "/index.html";
                    staging.Write(path, html);
                    links.AddPage(path, html, article.File, rendered.Links);
                    written.Add(article);
                }
            });
            var pages = written.Count;

            // 3. The index and the extras list every article, newest first (ties by slug, for stable output).
            if (!templates.HasErrors)
            {
                var listed = PageModel.Array(content.Articles
                    .OrderByDescending(a => a.Date.Value)
                    .ThenBy(a => a.Slug, StringComparer.Ordinal)
                    .Select(a => PageModel.Article(a, config)));
                var updated = content.Articles.Count == 0 ? null : content.Articles.Max(a => a.Date.Value) is var newest
                    ? content.Articles.First(a => a.Date.Value == newest).Date.ToRfc3339() : null;

                ScriptObject Globals(string title, string url, string root)
                {
                    var globals = PageModel.Page(site, title, Escape(config.Description), url, root, config);
                    globals["articles"] = listed;
                    globals["updated"] = updated;
                    return globals;
                }

                if (RenderPage(templates, "index.html", Globals(Html.Escape(config.Title), "", "./"), diagnostics) is { } index)
                {
                    staging.Write("index.html", index);
                    links.AddPage("index.html", index, indexFile, []);
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
                    var text = name.EndsWith(".html", StringComparison.Ordinal)
                        ? RenderPage(templates, name, globals, diagnostics)
                        : templates.Render(name, globals, diagnostics);
                    if (text is not null)
                    {
                        staging.Write(name, text);
                        links.AddFile(name);
                    }
                }
            }

            // 4. Theme assets are copied as they are; the marker says this folder is Site's to replace.
            CopyAssets(Path.Combine(options.TemplatesDir, TemplateSet.AssetsFolder), staging, links, diagnostics);
            staging.Write(OutputGuard.Marker, OutputGuard.MarkerText);

            // 5. Every internal link and anchor must resolve in what was written.
            links.Check(diagnostics);

            var all = diagnostics.ToSortedList();
            var publish = !diagnostics.HasErrors && !(options.Strict && all.Count > 0);
            if (publish)
            {
                staging.Commit();
            }
            else
            {
                staging.Discard();
            }
            return new BuildResult(all, publish ? pages : 0, publish, clock.Elapsed);
        }
        catch
        {
            staging.Discard();
            throw;
        }
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

    /// <summary>Scriban's loop limit is one budget shared by nested loops; an index over every article and
    /// its tags must fit, however large the site.</summary>
    private static int LoopLimitFor(IReadOnlyList<Article> articles) =>
        1000 + (4 * (articles.Count + articles.Sum(a => a.Tags.Count)));

    private static void CopyAssets(string assetsDir, OutputStaging staging, LinkChecker links, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(assetsDir))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(assetsDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.Combine(TemplateSet.AssetsFolder, Path.GetRelativePath(assetsDir, file)).Replace('\\', '/');
            try
            {
                staging.CopyFile(file, relative);
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
