using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>axe-core's WCAG 2.2 A and AA rules over a page, as a reader with reduced motion sees it.</summary>
internal static class Axe
{
    public static async Task AssertNoViolationsAsync(IBrowser browser, string url, int width, string scheme = "light")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        var violations = string.Join("\n", results.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}"));
        Assert.True(results.Violations.Length == 0, $"{url} at {width} px, {scheme}:\n{violations}");
        await context.CloseAsync();
    }
}
