using Site.Content;

namespace Site.Templating;

/// <summary><c>page</c> in every template: the page being rendered.</summary>
/// <param name="Title">HTML-escaped, like <paramref name="Description"/> and <paramref name="Canonical"/>.</param>
/// <param name="Url">The page's path from the site root: "" for the index, "my-article/".</param>
/// <param name="Root">The relative path from the page back to the site root ("./", "../"), so links work under
/// any base path and from disk; the base path itself for the 404 page, which is served at any depth.</param>
/// <param name="Canonical">The absolute URL, when the site has a base URL.</param>
internal sealed record PageModel(string Title, string? Description, string Url, string Root, string? Canonical)
{
    public static PageModel For(SiteConfig config, string title, string? description, string url, string root) =>
        new(Html.Escape(title), Html.Escape(description), url, root, Html.Escape(config.Permalink(url)));
}
