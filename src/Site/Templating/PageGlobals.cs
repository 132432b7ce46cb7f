namespace Site.Templating;

/// <summary>What one page's templates see besides <c>site</c>: <c>page</c>, <c>article</c> (null except on an
/// article's page), and on listing pages <c>articles</c> and <c>updated</c>.</summary>
internal sealed record PageGlobals(PageModel Page, ArticleModel? Article = null, ListingModel? Listing = null);

/// <summary><c>articles</c>, newest first; <c>pages</c>, by URL; and <c>updated</c>: the newest article's date (RFC 3339).</summary>
internal sealed record ListingModel(IReadOnlyList<ArticleModel> Articles, string? Updated)
{
    public IReadOnlyList<ArticleModel> Pages { get; init; } = [];
}
