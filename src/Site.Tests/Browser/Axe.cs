using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>axe-core's WCAG 2.2 A and AA rules over a page, as a reader with reduced motion sees it.</summary>
/// <remarks>axe runs in the page itself: its script (the copy Deque.AxeCore.Commons ships) is evaluated in the
/// page, then one <c>axe.run</c> hands back only the violations. Deque.AxeCore.Playwright's <c>RunAxe</c> ran the
/// same rules but took 18–23 s a page under load: it runs axe in parts, finishes the run in a second, blank
/// page it opens for the purpose, and carries every passing and inapplicable rule's results back to .NET.</remarks>
internal static class Axe
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>axe.min.js, read once for the run. As the body of a function it is evaluated as Deque's own
    /// Playwright package does; the script sets <c>window.axe</c> itself.</summary>
    private static readonly Lazy<string> Inject = new(() => $"() => {new BundledAxeScriptProvider().GetScript()}");

    /// <summary>Each violation as "rule: help — the first three elements' selectors", the elements the reader
    /// of a failure looks for.</summary>
    private const string Run = """
        async tags => {
          const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
          return results.violations.map(v => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
        }
        """;

    public static async Task AssertNoViolationsAsync(IBrowser browser, string url, int width, string scheme = "light")
    {
        // Disposed even when the assertion fails: a failing page must not leave its context open in the shared browser.
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await page.EvaluateAsync(Inject.Value);
        var violations = await page.EvaluateAsync<string[]>(Run, Tags);
        Assert.True(violations.Length == 0, $"{url} at {width} px, {scheme}:\n{string.Join("\n", violations)}");
    }
}
