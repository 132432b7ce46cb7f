namespace Site.Tests.Browser;

/// <summary>A reader finds an article's corrections from its top (issue 17): the link next to the byline is
/// reached by keyboard before anything in the text, and following it moves the focus to the dated box. The
/// stress page carries corrections and a kind, so the axe runs over every width cover the box and the label.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CorrectionsBoxTests(BrowserFixture browser, BuiltSite site)
{
    [Theory]
    [InlineData(375)]
    [InlineData(1440)]
    public async Task The_corrections_box_is_reached_by_keyboard_from_the_top_of_the_article(int width)
    {
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync(site.PageUrl(BuiltSite.StressSlug));

        string? reached = null;
        for (var i = 0; i < 20 && reached is null; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<string?>("() => document.activeElement?.classList.contains('corrections-link') ? 'link' : document.activeElement?.closest('.article-body') ? 'body' : null");
        }
        Assert.Equal("link", reached);
        await page.Keyboard.PressAsync("Enter");

        var focused = await page.EvaluateAsync<string?>("() => document.activeElement?.id");
        Assert.Equal($"{BuiltSite.StressSlug}--corrections", focused);
        var box = page.Locator($"#{BuiltSite.StressSlug}--corrections");
        await Microsoft.Playwright.Assertions.Expect(box).ToBeInViewportAsync();
        Assert.Equal(["Correction", "Update"], await page.Locator(".corrections-list .correction-kind").AllInnerTextsAsync());
        Assert.Equal("ANALYSIS", (await page.Locator(".article-header .kind").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }
}
