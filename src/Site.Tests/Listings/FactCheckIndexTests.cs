using System.Text.Json;
using System.Text.RegularExpressions;
using Site.Generation;
using Site.Tests.Support;

namespace Site.Tests.Listings;

/// <summary>The site-wide fact-check index of the generated site and its claims.json.</summary>
[Collection(MultilingualSite.Collection)]
public sealed partial class FactCheckIndexTests(MultilingualSite site)
{
    [Fact]
    public void The_index_groups_every_claim_by_verdict_largest_group_first_without_a_scale()
    {
        var page = site.Read("fact-checks/index.html");
        var headings = GroupHeading().Matches(page).Select(m => $"{m.Groups[1].Value} ({m.Groups[2].Value})").ToList();
        Assert.Equal(["Disputed (180 claims)", "Accurate (60 claims)", "Unsupported (60 claims)"], headings);
        Assert.Equal(MultilingualSite.ArticleCount, ClaimRow().Matches(page).Count);
        Assert.Contains("<tr><td>Claim 299</td><td>Disputed</td><td>An official</td><td><a href=\"../a-299/\">Article 299</a></td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_is_inline_svg_with_a_text_alternative_and_no_script()
    {
        var page = site.Read("fact-checks/index.html");
        var main = page[page.IndexOf("<main", StringComparison.Ordinal)..page.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.Contains("<svg role=\"img\" aria-labelledby=\"verdict-chart-title verdict-chart-desc\"", main, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"verdict-chart-desc\">Disputed: 180 claims; Accurate: 60 claims; Unsupported: 60 claims</desc>", main, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#verdict-2\">Accurate: 60 claims</a></li>", main, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", main, StringComparison.Ordinal);
        // The largest group's bar is full length (200), the others a third of it.
        Assert.Contains("width=\"200\" height=\"16\"", main, StringComparison.Ordinal);
        Assert.Contains("width=\"66\" height=\"16\"", main, StringComparison.Ordinal);
    }

    [Fact]
    public void Claims_json_lists_every_fact_check_newest_first_with_absolute_urls()
    {
        using var json = JsonDocument.Parse(site.Read("claims.json"));
        var claims = json.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(MultilingualSite.ArticleCount, claims.Count);
        var first = claims[0];
        Assert.Equal("Claim 299", first.GetProperty("claim").GetString());
        Assert.Equal("Article 299", first.GetProperty("article").GetString());
        Assert.Equal("https://example.org/news/a-299/#a-299--note-n1", first.GetProperty("url").GetString());
        Assert.Equal("An official", first.GetProperty("claimant").GetString());
        Assert.Equal("Disputed", first.GetProperty("verdict").GetString());
        Assert.False(first.TryGetProperty("rating", out _));
    }

    /// <summary>A scale listed out of order, whose order (best rating first) differs from the groups' sizes, with a
    /// verdict no fact-check uses; articles published under a permalink pattern, not at their slugs.</summary>
    private const string ScaledSite = """
        title: The Record
        base_url: https://example.org/news/
        permalink: /{year}/{month}/{slug}/
        verdicts:
          - name: Unsupported
            meaning: No public evidence supports the claim.
            rating: 1
          - name: Accurate
            meaning: The claim matches the evidence.
            rating: 5
          - name: Figures differ
            meaning: Official and independent figures for the claim disagree.
            rating: 3
          - name: Misleading
            meaning: The claim leaves out what would change its sense.
            rating: 2
        """;

    private static (string Page, string Json) BuildScaledSite()
    {
        using var folder = new TempDirectory();
        folder.Write("content/site.yml", ScaledSite);
        folder.Write("content/first.md", ScaledArticle("First", "2024-01-04", ("c1", "Unsupported")));
        folder.Write("content/second.md", ScaledArticle("Second", "2024-02-10", ("c2", "Accurate")));
        folder.Write("content/third.md", ScaledArticle("Third", "2024-03-15", ("c3", "Unsupported"), ("c4", "Figures differ")));
        var result = SiteBuilder.Build(new BuildOptions(folder.Combine("content"), Path.Combine(RepoRoot.Find(), "templates"), folder.Combine("output")));
        Assert.True(result.Published && result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return (File.ReadAllText(folder.Combine("output/fact-checks/index.html")), File.ReadAllText(folder.Combine("output/claims.json")));
    }

    private static string ScaledArticle(string title, string date, params (string Label, string Verdict)[] checks)
    {
        var text = $"---\ntitle: {title}\ndate: {date}\nsources:\n  src: {{title: \"Report\", publisher: Agency, url: \"https://example.com/r\", date: 2022-01-26}}\n---\n";
        text += string.Concat(checks.Select(c => $"Sentence.[^{c.Label}]\n\n"));
        return text + string.Concat(checks.Select(c => $"[^{c.Label}]: {{fact-check verdict=\"{c.Verdict}\" claim=\"Claim {c.Label[1..]}\" claimant=\"An official\"}} Checked ([@src]).\n\n"));
    }

    [Fact]
    public void With_a_verdict_scale_the_groups_follow_it_best_first_each_with_its_meaning()
    {
        var (page, _) = BuildScaledSite();
        var headings = GroupHeading().Matches(page).Select(m => $"{m.Groups[1].Value} ({m.Groups[2].Value})").ToList();
        Assert.Equal(["Accurate (1 claim)", "Figures differ (1 claim)", "Unsupported (2 claims)"], headings);
        var meanings = Meaning().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["The claim matches the evidence.", "Official and independent figures for the claim disagree.", "No public evidence supports the claim."], meanings);
        Assert.Contains("""<li><a href="#verdict-3">Unsupported: 2 claims</a></li>""", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_links_to_its_article_at_the_permalink_the_site_publishes_it_at()
    {
        var (page, _) = BuildScaledSite();
        Assert.Contains("""<tr><td>Claim 4</td><td>Figures differ</td><td>An official</td><td><a href="../2024/03/third/">Third</a></td>""", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"../third/\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_verdict_scale_claims_json_carries_each_claim_rating_and_its_article_permalink()
    {
        var (_, text) = BuildScaledSite();
        using var json = JsonDocument.Parse(text);
        var claims = json.RootElement.GetProperty("claims").EnumerateArray()
            .Select(c => $"{c.GetProperty("claim").GetString()} | {c.GetProperty("verdict").GetString()} | {c.GetProperty("rating").GetInt32()} | {c.GetProperty("article").GetString()} | {c.GetProperty("url").GetString()} | {c.GetProperty("date").GetString()}")
            .ToList();
        Assert.Equal(
            [
                "Claim 3 | Unsupported | 1 | Third | https://example.org/news/2024/03/third/#third--note-c3 | 2024-03-15",
                "Claim 4 | Figures differ | 3 | Third | https://example.org/news/2024/03/third/#third--note-c4 | 2024-03-15",
                "Claim 2 | Accurate | 5 | Second | https://example.org/news/2024/02/second/#second--note-c2 | 2024-02-10",
                "Claim 1 | Unsupported | 1 | First | https://example.org/news/2024/01/first/#first--note-c1 | 2024-01-04",
            ],
            claims);
    }

    [GeneratedRegex(@"<p class=""verdict-meaning"">([^<]*)</p>")]
    private static partial Regex Meaning();

    [GeneratedRegex(@"<h2 id=""verdict-\d+-heading""><span class=""verdict"">([^<]*)</span> \(([^)]*)\)</h2>")]
    private static partial Regex GroupHeading();

    [GeneratedRegex("<tr><td>")]
    private static partial Regex ClaimRow();
}
