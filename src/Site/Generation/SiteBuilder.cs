using System.Collections.Concurrent;
using System.Diagnostics;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;
using Site.Templating;

namespace Site.Generation;

/// <summary>The build, top to bottom: read content, parse templates, render every article, write the
/// index and assets into a staging folder, and publish it only if nothing failed.</summary>
internal static class SiteBuilder
{
    private static readonly string[] RequiredTemplates = ["layout.html", "article.html", "index.html"];

    public static BuildResult Build(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();

        // 1. Read everything; nothing is rendered until all content and templates are known.
        var content = ContentLoader.Load(options.ContentDir, options.Drafts, diagnostics);
        var templates = TemplateSet.Load(options.TemplatesDir, RequiredTemplates, diagnostics);
        templates.LoopLimit = LoopLimitFor(content.Articles);
        var markdown = new MarkdownRenderer(content.Config.AllowHtml);
        var site = PageModel.Site(content.Config);
        site.IsReadOnly = true;

        // 2. Render each article and write its page as soon as it is ready, so memory stays flat.
        var staging = OutputStaging.Begin(options.OutputDir);
        try
        {
            var written = new ConcurrentBag<Article>();
            Parallel.ForEach(content.Articles, article =>
            {
                var rendered = markdown.Render(article, diagnostics);
                if (rendered is null || templates.HasErrors)
                {
                    return;
                }
                var globals = PageModel.Page(site, Html.Escape(article.Title), Escape(article.Summary), article.Slug + "/", "../", content.Config);
                globals["article"] = PageModel.Article(article, content.Config, rendered);
                if (RenderPage(templates, "article.html", globals, diagnostics) is { } html)
                {
                    staging.Write(Path.Combine(article.Slug, "index.html"), html);
                    written.Add(article);
                }
            });

            // 3. The index lists every article, newest first (ties by slug, for stable output).
            var pages = written.Count;
            if (!templates.HasErrors)
            {
                var listed = content.Articles
                    .OrderByDescending(a => a.Date.Value)
                    .ThenBy(a => a.Slug, StringComparer.Ordinal)
                    .Select(a => PageModel.Article(a, content.Config));
                var globals = PageModel.Page(site, site["title"] as string ?? "", Escape(content.Config.Description), "", "", content.Config);
                globals["articles"] = PageModel.Array(listed);
                if (RenderPage(templates, "index.html", globals, diagnostics) is { } index)
                {
                    staging.Write("index.html", index);
                    pages++;
                }
            }

            // 4. Theme assets are copied as they are.
            CopyAssets(Path.Combine(options.TemplatesDir, TemplateSet.AssetsFolder), staging, diagnostics);

            var publish = !diagnostics.HasErrors && !(options.Strict && diagnostics.ToSortedList().Count > 0);
            if (publish)
            {
                staging.Commit();
            }
            else
            {
                staging.Discard();
            }
            return new BuildResult(diagnostics.ToSortedList(), publish ? pages : 0, publish, clock.Elapsed);
        }
        catch
        {
            staging.Discard();
            throw;
        }
    }

    /// <summary>Renders a page template and wraps it in layout.html.</summary>
    private static string? RenderPage(TemplateSet templates, string name, Scriban.Runtime.ScriptObject globals, DiagnosticBag diagnostics)
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

    private static void CopyAssets(string assetsDir, OutputStaging staging, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(assetsDir))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(assetsDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(assetsDir, file);
            try
            {
                staging.CopyFile(file, Path.Combine(TemplateSet.AssetsFolder, relative));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(SitePath.Display(file), 0, 0, "SITE034", $"cannot copy asset: {e.Message}");
            }
        }
    }

    private static string? Escape(string? value) => value is null ? null : Html.Escape(value);
}
