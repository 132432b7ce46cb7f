using Site.Localization;
using Site.Templating;

namespace Site.Generation;

/// <summary>
/// The pages made from the list of every article, newest first (ties by slug, for stable output): the
/// index, and the optional extras when their template exists. A new listing, such as tag pages or an
/// archive, is one more job here.
/// </summary>
internal static class ListingPages
{
    /// <summary>The XML extras need absolute URLs, so a base URL.</summary>
    private static readonly (string Template, PageKind Kind, bool NeedsBaseUrl)[] Extras =
        [("404.html", PageKind.NotFound, false), ("robots.txt", PageKind.Text, false), ("sitemap.xml", PageKind.Text, true), ("feed.xml", PageKind.Text, true)];

    /// <summary>The templates these pages are made from, for the check that every template is used.</summary>
    public static IEnumerable<string> Templates => Extras.Select(e => e.Template).Append(TemplateSet.Index);

    public static IEnumerable<PageJob> Jobs(LoadedSite site)
    {
        var (config, strings) = (site.Config, PageText.English);
        var newest = site.Content.Articles.Where(a => !a.IsPage).OrderByDescending(a => a.Date.Value).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList();
        var pages = site.Content.Articles.Where(a => a.IsPage).OrderBy(a => a.Url, StringComparer.Ordinal).ToList();
        var listing = Listing(newest, pages, site);
        // Drafts built with --drafts are for the desk: never in the feed or the sitemap, which are for
        // readers' apps and search engines.
        var published = Listing([.. newest.Where(a => !a.Draft)], [.. pages.Where(a => !a.Draft)], site);
        PageGlobals Globals(string title, string url, string root, PageKind kind) =>
            new(PageModel.For(config, title, config.Description, url, root), Listing: kind == PageKind.Text ? published : listing);

        yield return new PageJob("index.html", TemplateSet.Index, PageKind.Page, Globals(config.Title, "", "./", PageKind.Page));
        foreach (var (template, kind, _) in Extras.Where(e => site.Templates.Contains(e.Template) && !(e.NeedsBaseUrl && config.BaseUrl is null)))
        {
            // The 404 page is served at any depth, so its links start from the site's base path.
            var root = kind == PageKind.NotFound ? config.BaseUrl?.AbsolutePath ?? "/" : "";
            yield return new PageJob(template, template, kind, Globals(kind == PageKind.NotFound ? strings.PageNotFound : config.Title, template, root, kind));
        }
    }

    private static ListingModel Listing(List<Content.Article> newest, List<Content.Article> pages, LoadedSite site)
    {
        // The site last changed when its latest article was published or corrected.
        var updated = newest.Count > 0 ? newest.MaxBy(a => a.Modified.Value)!.Modified.ToRfc3339() : null;
        return new ListingModel([.. newest.Select(a => ArticleModel.From(a, site.Config, PageText.English))], updated)
        {
            Pages = [.. pages.Select(a => ArticleModel.From(a, site.Config, PageText.English))],
        };
    }
}
