using Site.Content;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// The pages made from lists of articles, newest first: the index, a page and an Atom feed per tag
/// (<c>tags/{slug}/</c>, when <c>tag.html</c> exists), the tags overview (<c>tags/</c>, when <c>tags.html</c>
/// exists), and the optional extras when their template exists. A new listing, such as an archive, is one
/// more job here.
/// </summary>
internal static class ListingPages
{
    public const string TagTemplate = "tag.html";
    public const string TagsTemplate = "tags.html";
    public const string ArchiveTemplate = "archive.html";
    public const string MonthTemplate = "archive-month.html";
    private const string ArchiveFolder = "archive";
    private const string FeedTemplate = "feed.xml";

    /// <summary>The XML extras need absolute URLs, so a base URL.</summary>
    private static readonly (string Template, PageKind Kind, bool NeedsBaseUrl)[] Extras =
        [("404.html", PageKind.NotFound, false), ("robots.txt", PageKind.Text, false), ("sitemap.xml", PageKind.Text, true), (FeedTemplate, PageKind.Text, true)];

    /// <summary>The templates these pages are made from, for the check that every template is used.</summary>
    public static IEnumerable<string> Templates =>
        Extras.Select(e => e.Template).Concat([TemplateSet.Index, TagTemplate, TagsTemplate, ArchiveTemplate, MonthTemplate, FactChecks.Template]);

    /// <param name="factChecks">The fact-check index's verdict groups (<see cref="FactChecks.Index"/>); null
    /// when the theme has no <c>fact-checks.html</c>.</param>
    /// <param name="cache">Keeps the articles' models between a preview session's builds.</param>
    public static IEnumerable<PageJob> Jobs(LoadedSite site, IReadOnlyList<VerdictGroupModel>? factChecks, RenderCache? cache)
    {
        var config = site.Config;
        var models = new ListedModels(site, cache);
        var tags = site.Tags.Select(tag => TagModel.From(tag, config)).ToList();
        var text = site.Strings.Text(config.Language).Strings;
        var months = site.Newest.GroupBy(a => (a.Date.Value.Year, a.Date.Value.Month))
            .Select(g => (Model: new ArchiveMonthModel(g.Key.Year, g.Key.Month, Html.Escape(text.Dates.FormatMonthYear(g.Key.Year, g.Key.Month)),
                $"{ArchiveFolder}/{g.Key.Year:D4}/{g.Key.Month:D2}/", g.Count()), Articles: g.ToList()))
            .ToList();
        var listing = new ListingModel(new ListedArticles(site.Newest, models), Updated(site.Newest), tags, [.. months.Select(m => m.Model)]) { Pages = PagesOf(site, models) };
        PageGlobals Globals(string title, string url, string root, ListingModel list, TagModel? tag = null) =>
            new(PageModel.For(config, title, config.Description, url, root), Listing: list, Tag: tag);

        foreach (var job in Paged(TemplateSet.Index, "", config.Title, listing, config.Paginate, text, Globals))
        {
            yield return job;
        }
        foreach (var (template, kind, _) in Extras.Where(e => site.Templates.Contains(e.Template) && !(e.NeedsBaseUrl && config.BaseUrl is null)))
        {
            // The 404 page is served at any depth, so its links start from the site's base path.
            var root = kind == PageKind.NotFound ? config.BaseUrl?.AbsolutePath ?? "/" : "";
            var title = kind == PageKind.NotFound ? site.Strings.Text(config.Language).PageNotFound : config.Title;
            yield return new PageJob(template, template, kind, Globals(title, template, root, kind == PageKind.Text ? Published(listing, models) : listing));
        }
        if (factChecks is not null)
        {
            yield return new PageJob(FactChecks.Folder + "/index.html", FactChecks.Template, PageKind.Page,
                Globals(text.Text("fact_checks.heading"), FactChecks.Folder + "/", "../", listing) with { FactChecks = factChecks });
        }
        if (site.Templates.Contains(TagsTemplate))
        {
            yield return new PageJob(TagIndex.Folder + "/index.html", TagsTemplate, PageKind.Page, Globals(text.Text("tags.heading"), TagIndex.Folder + "/", "../", listing));
        }
        foreach (var job in Archive(site, listing, months, models, text, Globals))
        {
            yield return job;
        }
        foreach (var job in TagPages(site, tags, models, listing, text, Globals))
        {
            yield return job;
        }
    }

    /// <summary>A page per tag (paginated) and its Atom feed, when the theme has <c>tag.html</c>.</summary>
    private static IEnumerable<PageJob> TagPages(LoadedSite site, List<TagModel> tags, ListedModels models, ListingModel listing,
        Localization.Strings text, Func<string, string, string, ListingModel, TagModel?, PageGlobals> globals)
    {
        if (!site.Templates.Contains(TagTemplate))
        {
            yield break;
        }
        for (var i = 0; i < site.Tags.Count; i++)
        {
            var (tag, model) = (site.Tags[i], tags[i]);
            var tagged = listing with { Articles = new ListedArticles(tag.Articles, models), Updated = Updated(tag.Articles) };
            var title = text.Text("tags.tagged", ("tag", tag.Name));
            foreach (var job in Paged(TagTemplate, tag.Url, title, tagged, site.Config.Paginate, text, (t, url, root, list, _) => globals(t, url, root, list, model)))
            {
                yield return job;
            }
            if (site.Templates.Contains(FeedTemplate) && site.Config.BaseUrl is not null)
            {
                yield return new PageJob(tag.Url + FeedTemplate, FeedTemplate, PageKind.Text, globals(title, tag.Url + FeedTemplate, "", Published(tagged, models), model));
            }
        }
    }

    /// <summary>The standalone pages of content/pages/, by path.</summary>
    private static ListedArticles PagesOf(LoadedSite site, ListedModels models) =>
        new([.. site.Content.Articles.Where(a => a.IsPage).OrderBy(a => a.Url, StringComparer.Ordinal)], models);

    /// <summary>Drafts built with --drafts are for the desk: never in a feed or the sitemap, which are for
    /// readers' apps and search engines. The same listing when there is no draft to leave out (every build
    /// without --drafts): its lists are then fingerprinted once, not again for each feed and the sitemap, and
    /// no model is made to find that out.</summary>
    private static ListingModel Published(ListingModel list, ListedModels models)
    {
        // Taken from the articles, not their models: a listing's lists are as ListedModels made them until this.
        bool ShowsDraft(IReadOnlyList<ArticleModel> articles) => ((ListedArticles)articles).Articles.Any(models.ShowsDraft);
        return !ShowsDraft(list.Articles) && !ShowsDraft(list.Pages) ? list
            : list with { Articles = [.. list.Articles.Where(a => !a.Draft).Select(WithoutDrafts)], Pages = [.. list.Pages.Where(a => !a.Draft).Select(WithoutDrafts)] };
    }

    /// <summary>A draft is no alternate of a published article either; one translation alone has none.</summary>
    private static ArticleModel WithoutDrafts(ArticleModel article)
    {
        if (article.Translations is not { } all || !all.Any(t => t.Draft))
        {
            return article;
        }
        var published = all.Where(t => !t.Draft).ToList();
        return article with { Translations = published.Count > 1 ? published : [] };
    }

    /// <summary>A listing's pages: all its articles on <paramref name="first"/>, or with <paramref name="size"/>
    /// per page, the first there and the rest at <c>{first}page/2/</c>…, titled "{title}, page 2".</summary>
    private static IEnumerable<PageJob> Paged(string template, string first, string title, ListingModel listing, int? size, Localization.Strings text,
        Func<string, string, string, ListingModel, TagModel?, PageGlobals> globals)
    {
        var root = string.Concat(Enumerable.Repeat("../", first.Count(c => c == '/')));
        var count = size is { } perPage ? Math.Max(1, (listing.Articles.Count + perPage - 1) / perPage) : 1;
        for (var number = 1; number <= count; number++)
        {
            var url = PagerModel.PathOf(first, number);
            // A paginated listing is never a feed's, so its articles are as ListedModels made them.
            var articles = size is { } per ? listing with { Articles = ((ListedArticles)listing.Articles).Slice((number - 1) * per, per) } : listing;
            var pageTitle = number == 1 ? title : text.Text("pager.title", ("title", title), ("number", number));
            var page = globals(pageTitle, url, number == 1 ? (root.Length == 0 ? "./" : root) : root + "../../", articles, null);
            yield return new PageJob(url + "index.html", template, PageKind.Page, size is null ? page : page with { Pager = PagerModel.For(first, number, count) });
        }
    }

    /// <summary>The archive (<c>archive/</c>, every month with its count) and a page per month
    /// (<c>archive/2024/01/</c>), when their templates exist: every article within two links of the archive.</summary>
    private static IEnumerable<PageJob> Archive(LoadedSite site, ListingModel listing, List<(ArchiveMonthModel Model, List<Article> Articles)> months,
        ListedModels models, Localization.Strings text, Func<string, string, string, ListingModel, TagModel?, PageGlobals> globals)
    {
        if (site.Templates.Contains(ArchiveTemplate))
        {
            yield return new PageJob(ArchiveFolder + "/index.html", ArchiveTemplate, PageKind.Page, globals(text.Text("archive.heading"), ArchiveFolder + "/", "../", listing, null));
        }
        if (!site.Templates.Contains(MonthTemplate))
        {
            yield break;
        }
        foreach (var (month, articles) in months)
        {
            var page = globals(text.Dates.FormatMonthYear(month.Year, month.Month), month.Url, "../../../",
                listing with { Articles = new ListedArticles(articles, models), Updated = Updated(articles) }, null);
            yield return new PageJob(month.Url + "index.html", MonthTemplate, PageKind.Page, page with { Month = month });
        }
    }

    /// <summary>A listing last changed when its latest article was published or corrected.</summary>
    private static string? Updated(IReadOnlyList<Article> newest) =>
        newest.Count > 0 ? newest.MaxBy(a => a.Modified.Value)!.Modified.ToRfc3339() : null;
}
