using System.Text.Json;
using System.Text.RegularExpressions;

namespace Site.Tests.Listings;

/// <summary>The site-wide fact-check index of the generated site and its claims.json.</summary>
public sealed partial class FactCheckIndexTests(MultilingualSite site) : IClassFixture<MultilingualSite>
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

    [GeneratedRegex(@"<h2 id=""verdict-\d+-heading""><span class=""verdict"">([^<]*)</span> \(([^)]*)\)</h2>")]
    private static partial Regex GroupHeading();

    [GeneratedRegex("<tr><td>")]
    private static partial Regex ClaimRow();
}
