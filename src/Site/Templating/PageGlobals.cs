namespace Site.Templating;

/// <summary>What one page's templates see besides <c>site</c>: <c>page</c>, <c>article</c> (null except on an
/// article's page), and on listing pages <c>articles</c> and <c>updated</c>; <c>t</c>, the words of the page's
/// <paramref name="Language"/> (the site's when null).</summary>
/// On a tag's page and feed, <c>tag</c>; on a page of a paginated listing, <c>pager</c>.
internal sealed record PageGlobals(PageModel Page, ArticleModel? Article = null, ListingModel? Listing = null, string? Language = null, TagModel? Tag = null,
    PagerModel? Pager = null, ArchiveMonthModel? Month = null, IReadOnlyList<VerdictGroupModel>? FactChecks = null);

/// <summary>Each of <c>fact_checks</c>: a verdict (with its meaning and rating from the scale, or null), the id
/// of its section, how many claims have it, its bar's length in percent of the largest group, and the claims.</summary>
internal sealed record VerdictGroupModel(string Verdict, string? Meaning, int? Rating, string Id, int Count, int Bar, IReadOnlyList<ClaimModel> Claims);

/// <summary>Each of a verdict group's <c>claims</c>, HTML-escaped: the claim, verdict and claimant, the
/// article's title and path, the path of the note itself, and the article's date.</summary>
internal sealed record ClaimModel(string Claim, string Verdict, string? Claimant, string Title, string ArticleUrl, string Url, string Date, string DateDisplay);

/// <summary>Each month of <c>archive</c>, and <c>month</c> on its page: the month (1–12) of a year, its name in
/// the site's language ("January 2022"), its page's path from the site root and how many articles it has.</summary>
internal sealed record ArchiveMonthModel(int Year, int Month, string Name, string Url, int Count);

/// <summary><c>pager</c>: which page of a listing this is, of how many, and the paths from the site root of the
/// first, previous and next pages (null when there is none): "", "page/2/", "tags/qantar/page/3/".</summary>
internal sealed record PagerModel(int Number, int Count, string First, string? Prev, string? Next)
{
    /// <summary>The path of page <paramref name="number"/> of the listing whose first page is <paramref name="first"/>.</summary>
    public static string PathOf(string first, int number) => number == 1 ? first : $"{first}page/{number}/";

    public static PagerModel For(string first, int number, int count) =>
        new(number, count, first, number > 1 ? PathOf(first, number - 1) : null, number < count ? PathOf(first, number + 1) : null);
}

/// <summary><c>articles</c>, newest first, <c>updated</c>: the newest article's date (RFC 3339), and <c>tags</c>,
/// every tag of the site by slug.</summary>
/// <c>archive</c> is every month with articles, newest first.
internal sealed record ListingModel(IReadOnlyList<ArticleModel> Articles, string? Updated, IReadOnlyList<TagModel> Tags, IReadOnlyList<ArchiveMonthModel> Archive)
{
    /// <summary><c>pages</c>: the standalone pages, by path.</summary>
    public IReadOnlyList<ArticleModel> Pages { get; init; } = [];
}

/// <summary><c>tag</c> and each of <c>tags</c>: a tag's name (HTML-escaped), its page's path from the site root
/// (<c>tags/{slug}/</c>) and absolute URL, its feed's path, and how many articles it has.</summary>
internal sealed record TagModel(string Name, string Slug, string Url, string? Permalink, string FeedUrl, int Count)
{
    public static TagModel From(Content.Tag tag, Content.SiteConfig config) =>
        new(Html.Escape(tag.Name), tag.Slug, tag.Url, Html.Escape(config.Permalink(tag.Url)), tag.Url + "feed.xml", tag.Articles.Count);
}

/// <summary>Each of <c>article.tag_links</c>: a tag as written (HTML-escaped) and its page's path from the site root.</summary>
internal sealed record TagLinkModel(string Name, string Url)
{
    /// <summary>One link per tag name for the life of the process: it depends on the name alone, and every model
    /// of every article has its tags' (10,000 articles, 60,000 links, of a few dozen tags).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TagLinkModel> Links = new(StringComparer.Ordinal);

    public static TagLinkModel Of(string tag) => Links.GetOrAdd(tag, name => new(Html.Escape(name)!, $"{Content.TagIndex.Folder}/{Content.TagIndex.SlugOf(name)}/"));
}
