using Microsoft.Playwright;
using Site.Generation;
using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>The language switcher of a translated article (issue 15), in the browser: seen under the headline,
/// reached by keyboard before the text, and free of accessibility violations.</summary>
public sealed class TranslationSwitcherTests(BrowserFixture browser, TranslationSwitcherTests.TranslatedSite site) : IClassFixture<TranslationSwitcherTests.TranslatedSite>
{
    [Theory]
    [InlineData(375)]
    [InlineData(1440)]
    public async Task The_switcher_is_visible_and_tab_reaches_each_other_language_before_the_text(int width)
    {
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync(site.PageUrl("story"));

        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Languages" })).ToBeVisibleAsync();
        var reached = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string?>(
                "() => document.activeElement?.closest('.translations') ? document.activeElement.getAttribute('hreflang') : document.activeElement?.closest('.article-body') ? 'body' : null");
            if (focused is not null)
            {
                reached.Add(focused);
            }
            if (focused == "body")
            {
                break;
            }
        }
        Assert.Equal(["kk", "ru", "body"], reached);
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");

        // On the Russian page, which names its own language as the current one.
        await Assertions.Expect(page.Locator(".translations [aria-current=page]")).ToHaveTextAsync("Русский");
        Assert.EndsWith("/история/", Uri.UnescapeDataString(page.Url), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("story", 375, "light")]
    [InlineData("story", 1440, "dark")]
    [InlineData("оқиға", 1440, "light")]
    public Task Axe_finds_no_violations_on_a_translated_page(string slug, int width, string scheme) =>
        Axe.AssertNoViolationsAsync(browser.Browser, site.PageUrl(slug), width, scheme);

    /// <summary>One story in English, Russian and Kazakh, with a note each, built with the default theme and
    /// served over loopback HTTP.</summary>
    public sealed class TranslatedSite : IAsyncLifetime
    {
        private readonly TempDirectory _folder = new();
        private StaticSiteServer? _server;

        public string PageUrl(string slug) => $"{_server!.Url}{Uri.EscapeDataString(slug)}/";

        public async ValueTask InitializeAsync()
        {
            _folder.Write("content/site.yml", "title: The Record\nlanguage: en\nbase_url: https://example.org/news/\n");
            _folder.Write("content/story.md", Article("The story", "en", "A sentence.[^n]\n\n[^n]: A note."));
            _folder.Write("content/история.md", Article("История", "ru", "Предложение.[^n]\n\n[^n]: Примечание."));
            _folder.Write("content/оқиға.md", Article("Оқиға", "kk", "Сөйлем.[^n]\n\n[^n]: Ескертпе."));
            var options = new BuildOptions(_folder.Combine("content"), Path.Combine(RepoRoot.Find(), "templates"), _folder.Combine("output"));
            var result = SiteBuilder.Build(options);
            Assert.True(result.Published, string.Join("\n", result.Diagnostics));
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

        private static string Article(string title, string language, string body) =>
            $"---\ntitle: {title}\ndate: 2024-01-02\ntranslation_key: story\nlanguage: {language}\n---\n{body}\n";
    }
}
