using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Site.Tests.Browser.BrowserFixture))]

namespace Site.Tests.Browser;

/// <summary>
/// One headless Chromium for the whole test run, Debian's (Playwright's own browser download is not
/// available here). Without it the browser tests are skipped with a message, except in CI, where they fail.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _unavailable = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium); browser tests need it";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network: background services would only fail, and slowly.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>The shared browser, or a skip (a failure in CI) when there is none.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is not null)
            {
                return _browser;
            }
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            {
                Assert.Fail(_unavailable + "; CI must run the browser tests (.ci/run installs chromium)");
            }
            Assert.Skip(_unavailable!);
            return null!;
        }
    }

    /// <summary>A fresh, isolated page; dispose its context when done.</summary>
    public async Task<IPage> NewPageAsync(int width = 1440, int height = 900, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
