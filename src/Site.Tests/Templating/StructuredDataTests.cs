using System.Text.Json;
using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Templating;

/// <summary>The JSON-LD a search engine and a fact-check aggregator read from an article page (issue 17):
/// ClaimReview rated on the desk's verdict scale, the schema.org type of each kind of work, corrections;
/// parsed and checked field by field.</summary>
public sealed partial class StructuredDataTests
{
    private const string Scale = """
        title: The Desk
        language: en
        base_url: https://example.org/
        verdicts:
          - name: Accurate
            meaning: The claim matches the evidence.
            rating: 5
          - name: Figures differ
            meaning: Official and independent figures disagree.
            rating: 3
          - name: Unsupported
            meaning: No public evidence supports the claim.
            rating: 1

        """;

    private const string FactCheck = """
        ---
        title: A check
        date: 2024-01-04
        kind: fact-check
        source: {name: London Post, url: "https://example.com/post"}
        sources:
          report: {title: A report, publisher: A ministry, url: "https://example.org/report", date: 2022-01}
        ---
        He spoke of [$3 billion of damage]{^damage}.

        [^damage]: {fact-check verdict="Figures differ" claimant="A minister"} Tallies differ ([@report]).

        """;

    private static TestSite SiteWith(string siteYml, string article) => new TestSite()
        .With("content/site.yml", siteYml)
        .With("content/a.md", article)
        .With("templates/article.html", "<script type=\"application/ld+json\">{{ article.json_ld }}</script>\n");

    private static JsonElement[] Graph(TestSite site)
    {
        var html = File.ReadAllText(site.Path("output/a/index.html"));
        var json = JsonLd().Match(html).Groups[1].Value;
        return [.. JsonDocument.Parse(json).RootElement.GetProperty("@graph").EnumerateArray()];
    }

    [Fact]
    public void A_ClaimReview_has_every_field_Google_requires_and_recommends_with_the_rating_on_the_scale()
    {
        using var site = SiteWith(Scale, FactCheck);
        var build = site.Build();
        Assert.True(build.Result.Published, build.ToString());

        var review = Assert.Single(Graph(site), e => e.GetProperty("@type").GetString() == "ClaimReview");

        // Google Search Central, "Fact check (ClaimReview) structured data":
        // ClaimReview required: claimReviewed, reviewRating, url. Recommended: author, datePublished, itemReviewed.
        Assert.Equal("$3 billion of damage", review.GetProperty("claimReviewed").GetString());
        Assert.Equal("https://example.org/a/#a--note-damage", review.GetProperty("url").GetString());
        Assert.Equal("2024-01-04", review.GetProperty("datePublished").GetString());
        // Organization (author) recommended: name, url.
        var author = review.GetProperty("author");
        Assert.Equal("Organization", author.GetProperty("@type").GetString());
        Assert.Equal("The Desk", author.GetProperty("name").GetString());
        Assert.Equal("https://example.org/", author.GetProperty("url").GetString());
        // Rating required: alternateName. Recommended: bestRating, name, ratingValue, worstRating.
        var rating = review.GetProperty("reviewRating");
        Assert.Equal("Rating", rating.GetProperty("@type").GetString());
        Assert.Equal("Figures differ", rating.GetProperty("alternateName").GetString());
        Assert.Equal("Figures differ", rating.GetProperty("name").GetString());
        Assert.Equal(3, rating.GetProperty("ratingValue").GetInt32());
        Assert.Equal(5, rating.GetProperty("bestRating").GetInt32());
        Assert.Equal(1, rating.GetProperty("worstRating").GetInt32());
        // Claim (itemReviewed) recommended: author, appearance.
        var claim = review.GetProperty("itemReviewed");
        Assert.Equal("Claim", claim.GetProperty("@type").GetString());
        Assert.Equal("A minister", claim.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("https://example.com/post", claim.GetProperty("appearance").GetProperty("url").GetString());
        Assert.False(claim.TryGetProperty("datePublished", out _), "no claim_date, no date for the claim");
    }

    [Fact]
    public void A_fact_check_that_names_the_claims_date_and_venue_gives_them_to_the_reviewed_claim()
    {
        const string Dated = """
            ---
            title: A check
            date: 2024-01-04
            source: {name: London Post, url: "https://example.com/post"}
            sources:
              interview: {title: "We must look only forward", publisher: Egemen Qazaqstan, url: "https://example.org/interview", date: 2024-01-03}
              summary: {title: "[Our summary of the interview]", publisher: A wire, url: "https://example.org/summary"}
            ---
            He spoke of [$3 billion of damage]{^damage} and [two weeks]{^weeks}.

            [^damage]: {fact-check verdict="Figures differ" claimant="A minister" claim_date="2024-01-03" appearance="interview"} Tallies differ ([@interview]).

            [^weeks]: {fact-check verdict="Unsupported" claim_date="2024-01" appearance="summary"} His own account ([@summary]).

            """;
        using var site = SiteWith(Scale, Dated);
        var build = site.Build();
        Assert.True(build.Result.Published, build.ToString());

        var claims = Graph(site).Where(e => e.GetProperty("@type").GetString() == "ClaimReview")
            .ToDictionary(r => r.GetProperty("claimReviewed").GetString()!, r => r.GetProperty("itemReviewed"));
        var damage = claims["$3 billion of damage"];
        Assert.Equal("2024-01-03", damage.GetProperty("datePublished").GetString());
        var venue = damage.GetProperty("appearance");
        Assert.Equal("CreativeWork", venue.GetProperty("@type").GetString());
        Assert.Equal("https://example.org/interview", venue.GetProperty("url").GetString());
        Assert.Equal("We must look only forward", venue.GetProperty("headline").GetString());
        Assert.Equal("2024-01-03", venue.GetProperty("datePublished").GetString());
        Assert.Equal("Organization", venue.GetProperty("publisher").GetProperty("@type").GetString());
        Assert.Equal("Egemen Qazaqstan", venue.GetProperty("publisher").GetProperty("name").GetString());

        // A month is as precise as the desk knows; a bracketed title is our description, not a headline.
        var weeks = claims["two weeks"];
        Assert.Equal("2024-01", weeks.GetProperty("datePublished").GetString());
        Assert.Equal("https://example.org/summary", weeks.GetProperty("appearance").GetProperty("url").GetString());
        Assert.False(weeks.GetProperty("appearance").TryGetProperty("headline", out _));
        Assert.False(weeks.GetProperty("appearance").TryGetProperty("datePublished", out _));
        Assert.Equal("A wire", weeks.GetProperty("appearance").GetProperty("publisher").GetProperty("name").GetString());
    }

    [Fact]
    public void Without_a_scale_a_verdict_stays_free_text_with_no_rating()
    {
        using var site = SiteWith("title: The Desk\nbase_url: https://example.org/\n", FactCheck);
        var build = site.Build();
        Assert.True(build.Result.Published, build.ToString());

        var rating = Assert.Single(Graph(site), e => e.GetProperty("@type").GetString() == "ClaimReview").GetProperty("reviewRating");

        Assert.Equal("Figures differ", rating.GetProperty("alternateName").GetString());
        Assert.False(rating.TryGetProperty("ratingValue", out _));
    }

    [Theory]
    [InlineData("news", "NewsArticle")]
    [InlineData("analysis", "AnalysisNewsArticle")]
    [InlineData("opinion", "OpinionNewsArticle")]
    [InlineData("explainer", "BackgroundNewsArticle")]
    [InlineData("fact-check", "NewsArticle")]
    public void Each_kind_of_work_is_its_schema_org_type(string kind, string type)
    {
        using var site = SiteWith(Scale, TestSite.Article(extra: $"kind: {kind}\n"));
        var build = site.Build();
        Assert.True(build.Result.Published, build.ToString());

        Assert.Equal(type, Graph(site)[0].GetProperty("@type").GetString());
    }

    [Fact]
    public void Corrections_give_dateModified_and_a_CorrectionComment_each_and_move_the_feed_and_sitemap()
    {
        using var site = SiteWith(Scale, TestSite.Article(date: "2024-01-04", extra: """
            corrections:
              - date: 2024-01-05T09:00:00+05:00
                kind: correction
                text: The toll was 238, not 225.
              - date: 2024-01-06
                kind: clarification
                text: The figure is the ministry's.
              - date: 2024-02-01T12:00:00+05:00
                kind: update
                text: The ministry published its report.

            """))
            .With("templates/feed.xml", "{{ for a in articles }}<updated>{{ a.modified_rfc3339 }}</updated>{{ end }}|{{ updated }}")
            .With("templates/sitemap.xml", "{{ for a in articles }}<lastmod>{{ a.modified_rfc3339 }}</lastmod>{{ end }}");
        var build = site.Build();
        Assert.True(build.Result.Published, build.ToString());

        var article = Graph(site)[0];

        Assert.Equal("2024-02-01T12:00:00+05:00", article.GetProperty("dateModified").GetString());
        var comments = article.GetProperty("correction").EnumerateArray().ToList();
        Assert.Equal(["CorrectionComment", "CorrectionComment"], comments.Select(c => c.GetProperty("@type").GetString()));
        Assert.Equal(["2024-01-05T09:00:00+05:00", "2024-01-06"], comments.Select(c => c.GetProperty("datePublished").GetString()));
        Assert.Equal(["The toll was 238, not 225.", "The figure is the ministry's."], comments.Select(c => c.GetProperty("text").GetString()));
        Assert.Equal("<updated>2024-02-01T12:00:00+05:00</updated>|2024-02-01T12:00:00+05:00", File.ReadAllText(site.Path("output/feed.xml")));
        Assert.Equal("<lastmod>2024-02-01T12:00:00+05:00</lastmod>", File.ReadAllText(site.Path("output/sitemap.xml")));
    }

    [Fact]
    public void An_article_without_corrections_has_no_dateModified()
    {
        using var site = SiteWith(Scale, TestSite.Article());
        site.Build();

        Assert.False(Graph(site)[0].TryGetProperty("dateModified", out _));
    }

    /// <summary>A page (content/pages/) is no news article: the default theme gives it a WebPage of the site,
    /// and a ClaimReview for a fact-check it holds, without a date when the page has none.</summary>
    [Fact]
    public void A_page_is_a_WebPage_of_the_site_with_its_fact_checks()
    {
        using var site = new TestSite().WithDefaultTheme()
            .With("content/site.yml", Scale)
            .With("content/pages/method.md", """
                ---
                title: How we check
                summary: Our method.
                sources:
                  report: {title: A report, publisher: A ministry, url: "https://example.com/report", date: 2022-01}
                ---
                We once checked [a claim]{^c}.

                [^c]: {fact-check verdict="Accurate" claimant="A minister"} It held ([@report]).

                """);
        var build = site.Build();
        Assert.True(build.Result.Published, build.ToString());

        var html = File.ReadAllText(site.Path("output/method/index.html"));
        var graph = JsonDocument.Parse(JsonLd().Match(html).Groups[1].Value).RootElement.GetProperty("@graph").EnumerateArray().ToList();
        Assert.Equal(["WebPage", "ClaimReview"], graph.Select(e => e.GetProperty("@type").GetString()));
        var page = graph[0];
        Assert.Equal("How we check", page.GetProperty("name").GetString());
        Assert.Equal("Our method.", page.GetProperty("description").GetString());
        Assert.Equal("https://example.org/method/", page.GetProperty("url").GetString());
        Assert.Equal("en", page.GetProperty("inLanguage").GetString());
        Assert.Equal("WebSite", page.GetProperty("isPartOf").GetProperty("@type").GetString());
        Assert.Equal("https://example.org/", page.GetProperty("isPartOf").GetProperty("url").GetString());
        Assert.Equal("The Desk", page.GetProperty("publisher").GetProperty("name").GetString());
        Assert.False(page.TryGetProperty("datePublished", out _), "the page has no date");
        var review = graph[1];
        Assert.Equal("https://example.org/method/#method--note-c", review.GetProperty("url").GetString());
        Assert.Equal(5, review.GetProperty("reviewRating").GetProperty("ratingValue").GetInt32());
        Assert.False(review.TryGetProperty("datePublished", out _), "the page has no date");
        Assert.Equal("website", System.Text.RegularExpressions.Regex.Match(html, "og:type\" content=\"([^\"]+)").Groups[1].Value);
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
