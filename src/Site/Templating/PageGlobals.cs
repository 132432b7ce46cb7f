namespace Site.Templating;

/// <summary>What one page's templates see besides <c>site</c>: <c>page</c>, <c>article</c> (null except on an
/// article's page), and on listing pages <c>articles</c> and <c>updated</c>; <c>t</c>, the words of the page's
/// <paramref name="Language"/> (the site's when null).</summary>
internal sealed record PageGlobals(PageModel Page, ArticleModel? Article = null, ListingModel? Listing = null, string? Language = null);

/// <summary><c>articles</c>, newest first, and <c>updated</c>: the newest article's date (RFC 3339).</summary>
internal sealed record ListingModel(IReadOnlyList<ArticleModel> Articles, string? Updated);
