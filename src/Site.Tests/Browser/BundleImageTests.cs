using Microsoft.Playwright;
using Site.Tests.Images;
using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>
/// A site with a bundle holding a real JPEG and PNG, built once by the program with the default theme and
/// served over loopback: what a reader gets of its images.
/// </summary>
public sealed class BundleSite : IAsyncLifetime
{
    public const string Slug = "square";

    private readonly TempDirectory _folder = new();
    private StaticSiteServer? _server;

    public string PageUrl => $"{_server!.Url}{Slug}/";

    public async ValueTask InitializeAsync()
    {
        var text = string.Join("\n\n", Enumerable.Repeat("Crowds gathered in the square through the afternoon, and the police kept to the side streets.", 24));
        _folder.Write("content/site.yml", "title: Test site\n");
        _folder.Write($"content/{Slug}/index.md", $"""
            ---
            title: In the square
            date: 2024-01-05
            ---

            ![Protesters fill the square](square.jpg "Protesters gather in Almaty — Credit: Jane Doe/Reuters")

            {text}

            ![A chart of fuel prices](chart.png "Fuel prices, 2021–2022")

            """);
        _folder.WriteBytes($"content/{Slug}/square.jpg", TestImages.Jpeg(2400, 1600));
        _folder.WriteBytes($"content/{Slug}/chart.png", TestImages.Png(1200, 800));
        var run = await SiteProcess.RunAsync(_folder.Path, ["build", "--templates", Path.Combine(RepoRoot.Find(), "templates")]);
        Assert.True(run.ExitCode == 0, run.ToString());
        _server = await StaticSiteServer.StartAsync(_folder.Combine("output"));
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _folder.Dispose();
    }
}

public sealed class BundleImageTests(BrowserFixture browser, BundleSite site) : IClassFixture<BundleSite>
{
    [Theory]
    [InlineData(1440)]
    [InlineData(375)]
    public async Task Figures_show_caption_and_credit_load_their_sized_images_and_shift_nothing(int width)
    {
        var page = await browser.NewPageAsync(width);
        await page.AddInitScriptAsync("""
            window.__cls = 0;
            window.__shifts = new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; });
            window.__shifts.observe({ type: 'layout-shift', buffered: true });
            """);
        // Images are held back until the text is laid out, so an image without its size would push the text down.
        var laidOut = new TaskCompletionSource();
        await page.RouteAsync("**/*.{jpg,png,webp}", async route =>
        {
            await laidOut.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync(site.PageUrl, new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        laidOut.SetResult();

        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)", null, new() { Timeout = 30000 });
        var shift = await page.EvaluateAsync<double>("""
            () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
              for (const e of window.__shifts.takeRecords()) if (!e.hadRecentInput) window.__cls += e.value;
              done(window.__cls);
            })))
            """);

        Assert.Equal(0, shift);
        Assert.Equal(["Protesters gather in Almaty Credit: Jane Doe/Reuters", "Fuel prices, 2021–2022"], await page.Locator("figure figcaption").AllInnerTextsAsync());
        Assert.Equal("Credit: Jane Doe/Reuters", await page.Locator("figure figcaption .credit").InnerTextAsync());
        var chosen = await page.EvaluateAsync<string[]>("() => [...document.images].map(i => i.currentSrc.split('/').pop())");
        // Chromium takes WebP, at a width the srcset offers for the screen.
        Assert.All(chosen, src => Assert.Matches(@"^(square|chart)-(480|960|1200|1600)\.webp$", src));
        await page.Context.CloseAsync();
    }
}
