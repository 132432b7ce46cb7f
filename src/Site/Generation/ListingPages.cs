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

    public static IEnumerable<PageJob> Jobs(LoadedSite site)
    {
        var config = site.Config;
        var newest = site.Content.Articles.OrderByDescending(a => a.Date.Value).ThenBy(a => a.Slug, StringComparer.Ordinal).ToList();
        // The site last changed when its latest article was published or corrected.
        var updated = newest.Count > 0 ? newest.MaxBy(a => a.Modified.Value)!.Modified.ToRfc3339() : null;
        var listing = new ListingModel([.. newest.Select(a => ArticleModel.From(a, config, site.Strings.Text(site.LanguageOf(a))))], updated);
        PageGlobals Globals(string title, string url, string root) => new(PageModel.For(config, title, config.Description, url, root), Listing: listing);

        yield return new PageJob("index.html", TemplateSet.Index, PageKind.Page, Globals(config.Title, "", "./"));
        foreach (var (template, kind, _) in Extras.Where(e => site.Templates.Contains(e.Template) && !(e.NeedsBaseUrl && config.BaseUrl is null)))
        {
            // The 404 page is served at any depth, so its links start from the site's base path.
            var root = kind == PageKind.NotFound ? config.BaseUrl?.AbsolutePath ?? "/" : "";
            yield return new PageJob(template, template, kind, Globals(kind == PageKind.NotFound ? site.Strings.Text(config.Language).PageNotFound : config.Title, template, root));
        }
    }
}
