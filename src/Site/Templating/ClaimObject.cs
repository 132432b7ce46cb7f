namespace Site.Templating;

/// <summary>Each of a verdict group's <c>claims</c>: a <see cref="ClaimModel"/> read field by field. The
/// fact-check index lists every claim of the site, two per article in a news site's archive.</summary>
internal sealed class ClaimObject(ClaimModel claim) : ModelObject
{
    private static readonly string[] Fields = ["claim", "verdict", "claimant", "title", "article_url", "url", "date", "date_display"];

    protected override IReadOnlyList<string> Names => Fields;

    protected override bool TryGet(string member, out object? value)
    {
        value = member switch
        {
            "claim" => claim.Claim,
            "verdict" => claim.Verdict,
            "claimant" => claim.Claimant,
            "title" => claim.Title,
            "article_url" => claim.ArticleUrl,
            "url" => claim.Url,
            "date" => claim.Date,
            "date_display" => claim.DateDisplay,
            _ => null,
        };
        return value is not null || Fields.Contains(member);
    }
}
