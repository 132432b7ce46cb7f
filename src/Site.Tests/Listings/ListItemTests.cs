using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Listings;

/// <summary>The default theme lists an article the same way everywhere (partials/article-item.html): on the
/// index, on its tag's page and on its month's page, with its kind label, draft mark, dateline and summary.</summary>
public sealed partial class ListItemTests
{
    [Fact]
    public async Task A_draft_analysis_is_listed_alike_on_the_index_its_tag_page_and_its_month_page()
    {
        using var site = new TestSite().WithDefaultTheme()
            .With("content/site.yml", "title: Test site\n")
            .With("content/newest.md", TestSite.Article(title: "Newest story", date: "2024-01-09"))
            .With("content/draft.md", TestSite.Article(title: "Draft analysis", date: "2024-01-03",
                extra: "draft: true\nkind: analysis\nsummary: What the figures say.\ntags: [Oil]\n"));

        var run = await site.RunAsync("build", "--drafts");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lists = new[] { "output/index.html", "output/tags/oil/index.html", "output/archive/2024/01/index.html" }
            .Select(page => Item(File.ReadAllText(site.Path(page)), page)).ToList();
        foreach (var item in lists)
        {
            Assert.Contains("<p class=\"kind kind--analysis\">Analysis</p>", item, StringComparison.Ordinal);
            Assert.Contains("Draft analysis</a> <span class=\"draft-mark\">(draft)</span>", item, StringComparison.Ordinal);
            Assert.Contains("<p>What the figures say.</p>", item, StringComparison.Ordinal);
        }
        // The index's list sits under its "Latest" heading, so its headlines are a level lower; links differ
        // only by the way back to the site root.
        Assert.Equal(lists[1], lists[0].Replace("<h3>", "<h2>", StringComparison.Ordinal).Replace("</h3>", "</h2>", StringComparison.Ordinal));
        Assert.Equal(lists[1], lists[2]);
    }

    /// <summary>The list item of the draft on <paramref name="page"/>.</summary>
    private static string Item(string html, string page)
    {
        var match = DraftItem().Match(html);
        Assert.True(match.Success, $"{page} does not list the draft:\n{html}");
        return RootPrefix().Replace(match.Value, "href=\"");
    }

    [GeneratedRegex(@"<li>\n<article lang=""en"">\n<p class=""kind kind--analysis"">(?:(?!</li>).)*Draft analysis(?:(?!</li>).)*</li>", RegexOptions.Singleline)]
    private static partial Regex DraftItem();

    [GeneratedRegex(@"href=""(?:\./|(?:\.\./)+)")]
    private static partial Regex RootPrefix();
}
