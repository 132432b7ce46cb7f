using Microsoft.Playwright;
using Site.Tests.Support;

[assembly: AssemblyFixture(typeof(Site.Tests.Browser.BrowserFixture))]

namespace Site.Tests.Browser;

/// <summary>
/// One headless Chromium for the whole test run, Debian's (Playwright's own browser download is not
/// available here). It is the <c>chromium</c> on the PATH, the one rule .ci/run follows too. Without it
/// the browser tests are skipped with a message, except under CI, where they fail.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    public async ValueTask InitializeAsync()
    {
        if (FindOnPath("chromium") is not { } chromium)
        {
            _unavailable = "there is no chromium on the PATH (apt-get install chromium); browser tests need it";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        // Expect's own default wait is 5 s. The browser tests run among the parallel tests, where a page can take
        // longer than that to reach a state on a busy machine: a hang guard, like the explicit waits', not a speed requirement.
        Assertions.SetDefaultExpectTimeout(15_000);
        try
        {
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                // The machine has no network: background services would only fail, and slowly.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--no-first-run", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"],
            });
        }
        catch (PlaywrightException e)
        {
            _unavailable = $"{chromium} did not start: {e.Message}";
        }
    }

    /// <summary>The shared browser, or a skip (a failure under CI) when there is none.</summary>
    public IBrowser Browser
    {
        get
        {
            if (_browser is null)
            {
                TestEnvironment.Unavailable(_unavailable!);
            }
            return _browser!;
        }
    }

    /// <summary>The first executable file called <paramref name="name"/> in a folder of PATH, as the shell
    /// finds it (<c>command -v</c> in .ci/run); null when there is none.</summary>
    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(path => File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0));

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
