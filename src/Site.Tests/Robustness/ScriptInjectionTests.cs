using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.Playwright;
using Site.Tests.Browser;
using Site.Tests.Robustness.Injection;

namespace Site.Tests.Robustness;

/// <summary>
/// No content runs script in a reader's browser (issue 7). Every vector of <see cref="InjectionVectors"/>
/// goes in every place of <see cref="InjectionPlaces"/>, site.yml and content/sources.yml, built with the
/// default theme and settings. A trial the build refuses must come with an error; every page that is
/// published is checked twice: its DOM, parsed by AngleSharp, and its behaviour in Chromium.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class ScriptInjectionTests(InjectionCorpus corpus, BrowserFixture browser) : IClassFixture<InjectionCorpus>
{
    [Fact]
    public void The_corpus_tries_every_vector_everywhere_and_each_refusal_has_a_diagnostic()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(corpus.Summary);
        Assert.True(InjectionVectors.All.Count >= 40, $"{InjectionVectors.All.Count} vectors");
        var places = InjectionPlaces.All.Count + 3 + 4;
        Assert.Equal(InjectionVectors.All.Count * places, corpus.Trials.Count);
        Assert.Equal(corpus.Trials.Count, corpus.Trials.Select(t => (t.Vector, t.Place)).Distinct().Count());
        Assert.All(corpus.Trials.Where(t => t.Refused), t => Assert.Matches(@": error SITE\d{3}: ", t.Error));
        // Places for text take any printable text: a vector there is shown as text, not refused.
        string[] text = ["title", "summary", "author", "tag", "source name", "body text", "code span", "site.yml title", "site.yml description", "sources.yml title"];
        var printable = InjectionVectors.All.Where(v => !v.Text.Any(c => char.IsControl(c) && c is not ('\t' or '\n'))).Select(v => v.Name).ToHashSet();
        var refused = corpus.Trials.Where(t => t.Refused && text.Contains(t.Place) && printable.Contains(t.Vector) && !t.Vector.StartsWith("markdown", StringComparison.Ordinal)).ToList();
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    [Fact]
    public void No_published_page_has_handlers_script_urls_or_foreign_script()
    {
        // A control: the check does see what it looks for.
        Assert.Equal(4, PageSafety.Problems("<p><a href=\"java\tscript:x\" onclick=\"y\">a</a><script>z</script><iframe src=\"https://example.org/\"></iframe>").Count());

        var problems = new List<string>();
        foreach (var page in corpus.Pages)
        {
            problems.AddRange(PageSafety.Problems(File.ReadAllText(page)).Select(p => $"{Path.GetRelativePath(corpus.Root, page)}: {p}"));
        }
        foreach (var file in Directory.EnumerateFiles(corpus.Root, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            // Mixed case: a heading's id (lower case, single hyphens) of the vector's own text cannot match.
            if (text.Contains("scribanEvaluated", StringComparison.Ordinal))
            {
                problems.Add($"{Path.GetRelativePath(corpus.Root, file)}: content was evaluated as a template");
            }
            if (file.EndsWith(".xml", StringComparison.Ordinal) && Parses(() => XDocument.Parse(text)) is { } xml)
            {
                problems.Add($"{Path.GetRelativePath(corpus.Root, file)}: not well-formed XML ({xml})");
            }
            if (file.EndsWith(".json", StringComparison.Ordinal) && Parses(() => System.Text.Json.JsonDocument.Parse(text).Dispose()) is { } json)
            {
                problems.Add($"{Path.GetRelativePath(corpus.Root, file)}: not JSON ({json})");
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join("\n", problems.Take(40))}");
    }

    [Fact]
    public async Task No_vector_runs_in_a_browser()
    {
        await using var server = await StaticSiteServer.StartAsync(corpus.Root);
        var dialogs = new ConcurrentQueue<string>();
        var pwned = new ConcurrentQueue<string>();
        var problems = new ConcurrentQueue<string>();
        var articles = server.Url + "articles/";

        // A control page that does run script: the probe, the marker and the dialog handler must see it.
        using (var control = new Support.TempDirectory())
        {
            control.Write("index.html", "<!doctype html><title>Control</title><p><img src=x onerror=\"window.__pwned=1\"><span onmouseover=\"alert(1)\">x</span>\n");
            await using var controlServer = await StaticSiteServer.StartAsync(control.Path);
            await VisitAsync([controlServer.Url], pointer: false);
            Assert.Equal(2, problems.Count);
            Assert.Single(dialogs);
            Assert.Single(pwned);
            problems.Clear();
            dialogs.Clear();
            pwned.Clear();
        }

        // Two tabs at once: the pages are independent, and the machine has two cores.
        var urls = corpus.Pages.Select(file => server.Url + Path.GetRelativePath(corpus.Root, file).Replace('\\', '/')).ToList();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(tab => VisitAsync(urls.Where((_, i) => i % 2 == tab).ToList(), pointer: true)));

        TestContext.Current.TestOutputHelper?.WriteLine($"{urls.Count} pages visited, {dialogs.Count} dialogs, {pwned.Count} pages with window.__pwned");
        Assert.True(urls.Count > 100, $"only {urls.Count} pages");
        Assert.Empty(problems);
        Assert.Empty(dialogs);
        Assert.Empty(pwned);

        async Task VisitAsync(IReadOnlyList<string> pages, bool pointer)
        {
            var page = await browser.NewPageAsync();
            page.Dialog += (_, dialog) =>
            {
                dialogs.Enqueue($"{dialog.Type} '{dialog.Message}' on {page.Url}");
                _ = dialog.DismissAsync();
            };
            try
            {
                foreach (var url in pages)
                {
                    await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                    if (pointer && url.StartsWith(articles, StringComparison.Ordinal))
                    {
                        await RealPointerAsync(page);
                    }
                    foreach (var problem in await page.EvaluateAsync<string[]>(Probe))
                    {
                        problems.Enqueue($"{url}: {problem}");
                    }
                    // Let handlers queued by the events, and any navigation they started, run.
                    await page.WaitForLoadStateAsync(LoadState.Load);
                    await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))");
                    if (await page.EvaluateAsync<bool>("() => window.__pwned !== undefined"))
                    {
                        pwned.Enqueue(url);
                    }
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    /// <summary>A real pointer and keyboard on what content put in an article page: hover over its
    /// headings, phrases and images, click its note links (they stay on the page), tab into it.</summary>
    private static async Task RealPointerAsync(IPage page)
    {
        var targets = page.Locator(".article-body h2, .article-body mark, .article-body img, a[role=doc-noteref], a[role=doc-backlink]");
        var count = Math.Min(await targets.CountAsync(), 2);
        for (var i = 0; i < count; i++)
        {
            var target = targets.Nth(i);
            await target.HoverAsync(new LocatorHoverOptions { Timeout = 15000, Force = true });
            if (await target.GetAttributeAsync("href") is { } href && href.StartsWith('#'))
            {
                await target.ClickAsync(new LocatorClickOptions { Timeout = 15000, Force = true });
            }
        }
        for (var i = 0; i < 2; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
    }

    /// <summary>The live DOM, as Chromium parsed it and the theme's script left it: no handler attributes,
    /// no script URLs, no script but the theme's and JSON-LD. Then events an inline handler could wait for,
    /// on every element; focus on everything focusable; a click on every link that stays on the page or is
    /// not http(s) (a script URL would be one), and on every control.</summary>
    private const string Probe = """
        () => {
          const problems = [];
          const scheme = value => { try { return new URL(value, location.href).protocol; } catch { return ''; } };
          for (const element of document.querySelectorAll('*')) {
            for (const name of element.getAttributeNames()) {
              const lower = name.toLowerCase();
              if (lower.startsWith('on') || lower === 'srcdoc') {
                problems.push(`<${element.localName} ${name}="${element.getAttribute(name)}">`);
              }
              if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(lower)
                  && ['javascript:', 'vbscript:', 'data:'].includes(scheme(element.getAttribute(name)))) {
                problems.push(`<${element.localName} ${name}="${element.getAttribute(name)}">`);
              }
            }
            if (element.localName === 'script' && element.type !== 'application/ld+json' && !/\/assets\/[\w./-]+\.js$/.test(element.src)) {
              problems.push(element.outerHTML.slice(0, 120));
            }
          }
          const events = ['mouseover', 'mouseenter', 'pointerdown', 'focusin', 'keydown', 'toggle', 'animationstart', 'error', 'load'];
          for (const element of document.body.querySelectorAll('*')) {
            for (const type of events) {
              element.dispatchEvent(new Event(type, { bubbles: true }));
            }
          }
          // Focus and same-page clicks set the theme's note popovers to work: a dozen of each, from the
          // article's text and notes first, keeps a page under a tenth of a second.
          const focusable = [...document.querySelectorAll('main a[href], main [tabindex], a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]')];
          for (const element of new Set(focusable.slice(0, 12))) {
            element.focus();
          }
          let samePageClicks = 0;
          for (const link of document.querySelectorAll('main a[href], a[href], area[href], [*|href]')) {
            const url = new URL(link.href?.baseVal ?? link.href ?? link.getAttribute('href'), location.href);
            const samePage = url.origin === location.origin && url.pathname === location.pathname;
            if (!['http:', 'https:', 'mailto:'].includes(url.protocol) || (samePage && samePageClicks++ < 12)) {
              link.click?.();
            }
          }
          for (const control of document.querySelectorAll('button, summary, input, select, textarea, label')) {
            control.click();
          }
          return problems;
        }
        """;

    private static string? Parses(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (Exception e) when (e is System.Xml.XmlException or System.Text.Json.JsonException)
        {
            return e.Message;
        }
    }
}
