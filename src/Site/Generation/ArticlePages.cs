using System.Collections.Concurrent;
using Site.Content;
using Site.Diagnostics;
using Site.Images;
using Site.Markdown;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// Renders every article: its page and its annotations.json, in parallel, each written as soon as it is
/// ready so memory stays flat. With a <see cref="RenderCache"/>, an unchanged article is not rendered: the
/// preview writes it from the cache, a publish build carries its files from the last build's output.
/// </summary>
internal sealed class ArticlePages(LoadedSite site, PageRenderer renderer, PageWriter pages, DiagnosticBag diagnostics, RenderCache? cache)
{
    private readonly MarkdownRenderer _markdown = new(site.Config.AllowHtml, site.Config.Verdicts, site.Options.Strict, [.. site.Templates.LiteralIds.Keys]);
    private readonly ConcurrentDictionary<string, byte> _citedSiteSources = new(StringComparer.Ordinal);
    private readonly BundleFiles _files = new(site.Options.ContentDir,
        new ImageEngine(new ImageCache(BundleFiles.CacheFolder(site.Options.ContentDir)), ImageSettings.Default), site.Config.AllowHtml);
    private readonly ConcurrentBag<CheckedClaim> _claims = [];

    /// <returns>The keys of the site-wide sources the articles cite, and every fact-check, newest first.</returns>
    public static (IReadOnlySet<string> Cited, IReadOnlyList<CheckedClaim> Claims) Render(LoadedSite site, PageRenderer renderer, PageWriter pages, DiagnosticBag diagnostics, RenderCache? cache, BuildProgress? progress = null)
    {
        cache?.Begin(RenderInputs.Fingerprint(site.Options), site.Content.Articles);
        BuildPhases.End("render inputs");
        var articles = new ArticlePages(site, renderer, pages, diagnostics, cache);
        Parallel.ForEach(site.Content.Articles, SmallLoops.For(site.Content.Articles.Count), article =>
        {
            articles.Publish(article);
            progress?.Advance();
        });
        Parallel.ForEach(site.Content.HeldBack, SmallLoops.For(site.Content.HeldBack.Count), articles.Check);
        return (articles._citedSiteSources.Keys.ToHashSet(StringComparer.Ordinal), FactChecks.Ordered(articles._claims));
    }

    private void Publish(Article listed)
    {
        var translations = site.TranslationsOf(listed);
        // The page shows its translations' languages, titles and addresses: when one of them changes, so does
        // the page, though its own file did not. The models' text is all of that.
        var shown = string.Join("\n", translations);
        if (cache is not null && !site.Templates.HasErrors && cache.TryGet(listed, shown, out var cached) && TryReuse(listed, cached))
        {
            return;
        }
        var local = new DiagnosticBag();
        var rendered = Render(listed, translations, local);
        var found = local.ToSortedList();
        if (rendered is null)
        {
            diagnostics.AddRange(found);
            pages.Failed(PagePath(listed));
            return;
        }
        var entry = rendered with { Diagnostics = found };
        Write(listed, entry);
        // A page with images or attachments depends on files the cache does not watch.
        if (!local.HasErrors && entry.Bundled.Count == 0)
        {
            cache?.Set(listed, shown, entry, Files(listed));
        }
    }

    /// <summary>A draft or future-dated article this build does not publish: rendered and reported, so its
    /// mistakes are found before the day it is published, but not written. Its links are checked within
    /// the page (empty links, #fragments), not against the others: no page may link to it yet.</summary>
    private void Check(Article heldBack)
    {
        var local = new DiagnosticBag();
        var rendered = Render(heldBack, [], local);
        local.AddRange(rendered?.Links.Problems ?? []);
        diagnostics.AddRange(local.ToSortedList());
        foreach (var key in rendered?.CitedSources ?? [])
        {
            _citedSiteSources.TryAdd(key, 0);
        }
    }

    /// <summary>Writes a cached article: from its bytes, or carried from the last output, but only to the
    /// paths this article's files go to now (a cache file is not trusted to name them).</summary>
    private bool TryReuse(Article listed, RenderCache.Entry cached)
    {
        if (cached.Page is not null)
        {
            Write(listed, cached);
            return true;
        }
        if (!cached.Files.Select(f => f.Path).SequenceEqual(Files(listed)) || cached.Links.Path != PagePath(listed)
            || !pages.TryCarry(cached.Files, cached.Links))
        {
            return false;
        }
        diagnostics.AddRange(cached.Diagnostics);
        CountCited(cached.CitedSources);
        AddClaims(cached.Claims);
        return true;
    }

    /// <summary>The article's page and annotations.json, or null (reported) when it has errors.</summary>
    private RenderCache.Entry? Render(Article listed, IReadOnlyList<TranslationModel> translations, DiagnosticBag local)
    {
        var article = ContentLoader.ReadBody(listed, local);
        var attachments = _files.Attachments(listed, local);
        var text = site.Strings.Text(site.LanguageOf(listed));
        var rendered = article is null ? null : _markdown.Render(article, site.Content.Sources, local, _files.For(article), text);
        if (rendered is null || local.HasErrors)
        {
            return null;
        }
        var page = PageModel.For(site.Config, rendered.Article.Title, rendered.Article.Summary, listed.Url, listed.Root);
        var template = listed.IsPage ? listed.Template ?? TemplateSet.Page : TemplateSet.Article;
        if (!site.Templates.Contains(template))
        {
            local.Report(DiagnosticCode.TemplateParse, new FilePosition(listed.File, 1, 1), $"template '{template}' is missing from {site.Options.TemplatesDir}; a page needs it");
            return null;
        }
        var html = renderer.RenderPage(template, new PageGlobals(page, ArticleModel.From(rendered, site.Config, text, translations), Language: site.LanguageOf(listed)), local);
        if (html is null)
        {
            return null;
        }
        var links = pages.Links.Scan(PagePath(listed), html, rendered.Article.File, rendered.Links);
        return new RenderCache.Entry(pages.Encode(html), AnnotationsFile.Write(rendered), links, [], CitedSiteSources(rendered), [.. FactChecks.Of(rendered)])
        {
            Bundled = [.. rendered.Files.Concat(attachments).DistinctBy(file => file.OutputPath)],
        };
    }

    private void Write(Article listed, RenderCache.Entry entry)
    {
        diagnostics.AddRange(entry.Diagnostics);
        pages.WritePage(PagePath(listed), entry.Page!, entry.Links);
        pages.WriteFile(AnnotationsPath(listed), entry.AnnotationsJson!);
        foreach (var file in entry.Bundled)
        {
            try
            {
                pages.CopyFile(file.Source, file.OutputPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Report(DiagnosticCode.AssetCopy, new FilePosition(SitePath.Display(file.Source)), $"cannot copy the file: {e.Message}");
            }
        }
        CountCited(entry.CitedSources);
        AddClaims(entry.Claims);
    }

    private void AddClaims(IReadOnlyList<CheckedClaim> claims)
    {
        foreach (var claim in claims)
        {
            _claims.Add(claim);
        }
    }

    private void CountCited(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            _citedSiteSources.TryAdd(key, 0);
        }
    }

    /// <summary>Sources the article cites from content/sources.yml, rather than from its own front matter.</summary>
    private List<string> CitedSiteSources(RenderedArticle rendered) =>
        [.. rendered.Annotations.Sources.Select(s => s.Source.Key).Where(key => site.Content.Sources.ContainsKey(key) && !rendered.Article.Sources.ContainsKey(key))];

    private static string PagePath(Article article) => article.PagePath;

    private static string AnnotationsPath(Article article) => article.Url + AnnotationsFile.Name;

    /// <summary>Every file an article's render writes, the page first.</summary>
    private static string[] Files(Article article) => [PagePath(article), AnnotationsPath(article)];
}
