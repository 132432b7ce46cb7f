using System.Collections.Concurrent;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// Renders every article: its page and its annotations.json, in parallel, each written as soon as it is
/// ready so memory stays flat. With a <see cref="RenderCache"/> (the preview), an unchanged article is
/// written from the cache without reading its file.
/// </summary>
internal sealed class ArticlePages(LoadedSite site, PageRenderer renderer, PageWriter pages, DiagnosticBag diagnostics, RenderCache? cache)
{
    private readonly MarkdownRenderer _markdown = new(site.Config.AllowHtml, site.Config.Verdicts, site.Options.Strict);
    private readonly ConcurrentDictionary<string, byte> _citedSiteSources = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<CheckedClaim> _claims = [];

    /// <returns>The keys of the site-wide sources the articles cite, and every fact-check, newest first.</returns>
    public static (IReadOnlySet<string> Cited, IReadOnlyList<CheckedClaim> Claims) Render(LoadedSite site, PageRenderer renderer, PageWriter pages, DiagnosticBag diagnostics, RenderCache? cache, BuildProgress? progress = null)
    {
        cache?.Begin(site.RenderInputs(), site.Content.Articles);
        var articles = new ArticlePages(site, renderer, pages, diagnostics, cache);
        Parallel.ForEach(site.Content.Articles, article =>
        {
            articles.Publish(article);
            progress?.Advance();
        });
        return (articles._citedSiteSources.Keys.ToHashSet(StringComparer.Ordinal), FactChecks.Ordered(articles._claims));
    }

    private void Publish(Article listed)
    {
        if (cache is not null && !site.Templates.HasErrors && cache.TryGet(listed, out var cached))
        {
            Write(listed, cached);
            return;
        }
        var local = new DiagnosticBag();
        var rendered = Render(listed, local);
        var found = local.ToSortedList();
        if (rendered is null)
        {
            diagnostics.AddRange(found);
            pages.Failed(PagePath(listed));
            return;
        }
        var entry = rendered with { Diagnostics = found };
        Write(listed, entry);
        if (!local.HasErrors)
        {
            cache?.Set(listed, entry);
        }
    }

    /// <summary>The article's page and annotations.json, or null (reported) when it has errors.</summary>
    private RenderCache.Entry? Render(Article listed, DiagnosticBag local)
    {
        var article = ContentLoader.ReadBody(listed, local);
        var text = site.Strings.Text(site.LanguageOf(listed));
        var rendered = article is null ? null : _markdown.Render(article, site.Content.Sources, local, text);
        if (rendered is null)
        {
            return null;
        }
        var page = PageModel.For(site.Config, rendered.Article.Title, rendered.Article.Summary, rendered.Article.Slug + "/", "../");
        var html = renderer.RenderPage(TemplateSet.Article, new PageGlobals(page, ArticleModel.From(rendered, site.Config, text), Language: site.LanguageOf(listed)), local);
        if (html is null)
        {
            return null;
        }
        var links = pages.Links.Scan(PagePath(listed), html, rendered.Article.File, rendered.Links);
        return new RenderCache.Entry(pages.Encode(html), AnnotationsFile.Write(rendered), links, [], CitedSiteSources(rendered), [.. FactChecks.Of(rendered)]);
    }

    private void Write(Article listed, RenderCache.Entry entry)
    {
        diagnostics.AddRange(entry.Diagnostics);
        pages.WritePage(PagePath(listed), entry.Page, entry.Links);
        pages.WriteFile(listed.Slug + "/" + AnnotationsFile.Name, entry.AnnotationsJson);
        foreach (var key in entry.CitedSources)
        {
            _citedSiteSources.TryAdd(key, 0);
        }
        foreach (var claim in entry.Claims)
        {
            _claims.Add(claim);
        }
    }

    /// <summary>Sources the article cites from content/sources.yml, rather than from its own front matter.</summary>
    private List<string> CitedSiteSources(RenderedArticle rendered) =>
        [.. rendered.Annotations.Sources.Select(s => s.Source.Key).Where(key => site.Content.Sources.ContainsKey(key) && !rendered.Article.Sources.ContainsKey(key))];

    private static string PagePath(Article article) => article.Slug + "/index.html";
}
