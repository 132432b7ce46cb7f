using Microsoft.Playwright;
using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>Keyboard, screen-reader semantics, contrast, weight and independence of the article page (issues 3 and 8).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, BuiltSite site)
{
    public static TheoryData<string, int, string> AxeCases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var slug in new[] { BuiltSite.SampleSlug, BuiltSite.StressSlug })
        {
            // Each of the theme's layouts (below 48em, 48em to 80em, from 80em) and the extremes. The breakpoints
            // themselves, 768 and 1280 px, are laid out and checked by NoteLayoutTests; their layouts are those
            // axe reads at 1024 and 1440.
            foreach (var width in new[] { 320, 375, 1024, 1440, 1920 })
            {
                data.Add(slug, width, "light");
            }
            data.Add(slug, 1440, "dark");
            data.Add(slug, 375, "dark");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AxeCases))]
    public Task Axe_finds_no_WCAG_2_2_A_or_AA_violations(string slug, int width, string scheme) =>
        Axe.AssertNoViolationsAsync(browser.Browser, site.PageUrl(slug), width, scheme);

    /// <summary>The listing pages of issue 15: the tags overview, a tag's page, the archive, the fact-check index.</summary>
    [Theory]
    [InlineData("tags", 375)]
    [InlineData("tags/qantar", 1440)]
    [InlineData("archive", 375)]
    [InlineData("fact-checks", 375)]
    [InlineData("fact-checks", 1440)]
    public Task Axe_finds_no_violations_on_the_listing_pages(string path, int width) => Axe_finds_no_WCAG_2_2_A_or_AA_violations(path, width, "light");

    [Theory]
    [InlineData(375)]
    [InlineData(1440)]
    public async Task Tab_reaches_every_reference_in_text_order(int width)
    {
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync(site.PageUrl(BuiltSite.StressSlug));
        var expected = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.article-body a.note-ref')].map(a => a.id)");

        var reached = new List<string>();
        for (var i = 0; i < 200 && reached.Count < expected.Length; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string?>("() => document.activeElement?.classList.contains('note-ref') ? document.activeElement.id : null");
            if (id is not null)
            {
                reached.Add(id);
            }
        }
        Assert.Equal(expected, reached);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task No_note_text_sits_inside_a_sentence_and_back_links_have_distinct_names()
    {
        var page = await browser.NewPageAsync(1440);
        await page.GotoAsync(site.PageUrl(BuiltSite.SampleSlug));

        var notesInParagraphs = await page.EvaluateAsync<int>("""
            () => [...document.querySelectorAll('.article-body p')].filter(p =>
              [...document.querySelectorAll('.note-body')].some(n => p.contains(n) || p.innerText.includes(n.innerText.slice(0, 60)))).length
            """);
        Assert.Equal(0, notesInParagraphs);

        var snapshot = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[role=doc-backlink]')].map(a => a.getAttribute('aria-label') || a.textContent)");
        Assert.NotEmpty(snapshot);
        Assert.Equal(snapshot.Length, snapshot.Distinct().Count());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375, true)]
    [InlineData(1440, true)]
    [InlineData(1440, false)]
    public async Task Arriving_at_a_note_id_highlights_that_note(int width, bool javaScript)
    {
        var page = await browser.NewPageAsync(width, javaScript: javaScript);
        await page.GotoAsync(site.PageUrl(BuiltSite.StressSlug));
        var noteId = await page.EvaluateAsync<string>("() => document.querySelectorAll('li.note')[3].id");
        var other = await page.EvaluateAsync<string>("() => document.querySelectorAll('li.note')[4].id");
        await page.Context.CloseAsync();

        // Arrive from elsewhere, as a shared link does.
        page = await browser.NewPageAsync(width, javaScript: javaScript);
        await page.GotoAsync(site.PageUrl(BuiltSite.StressSlug) + "#" + noteId);
        // The highlight fades in; poll from here, as the page's own scripts may be off.
        const string Differ = """
            ([id, other]) => {
              const look = e => { const s = getComputedStyle(e); return s.backgroundColor + '|' + s.boxShadow + '|' + s.outlineStyle; };
              return look(document.getElementById(id)) !== look(document.getElementById(other));
            }
            """;
        for (var waited = 0; !await page.EvaluateAsync<bool>(Differ, new[] { noteId, other }); waited += 50)
        {
            Assert.True(waited < 10000, $"{noteId} was never highlighted");
            await Task.Delay(50);
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Typed_notes_show_their_type_as_text_and_in_the_references_name()
    {
        var page = await browser.NewPageAsync(1440);
        await page.GotoAsync(site.PageUrl(BuiltSite.SampleSlug));
        var notes = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => [...document.querySelectorAll('li.note')].map(n => {
              const ref = document.querySelector(`a.note-ref[href="#${n.id}"]`);
              const type = n.querySelector('.note-type');
              return { id: n.id, number: n.querySelector('.note-num').textContent, type: type ? type.innerText.trim() : '',
                       typeVisible: !!type && type.getBoundingClientRect().width > 0,
                       verdict: n.querySelector('.verdict')?.innerText.trim() ?? '', factCheck: n.classList.contains('note--fact-check'),
                       name: ref.getAttribute('aria-label') };
            })
            """);
        var all = notes.EnumerateArray().ToList();
        Assert.True(all.Count >= 15);
        foreach (var note in all)
        {
            var type = note.GetProperty("type").GetString()!;
            var number = note.GetProperty("number").GetString();
            Assert.False(string.IsNullOrEmpty(type), $"{note.GetProperty("id")} has no visible type");
            Assert.True(note.GetProperty("typeVisible").GetBoolean());
            Assert.Equal($"Note {number}, {type.ToLowerInvariant()}", note.GetProperty("name").GetString());
            if (note.GetProperty("factCheck").GetBoolean())
            {
                Assert.False(string.IsNullOrEmpty(note.GetProperty("verdict").GetString()));
            }
        }
        Assert.True(all.Count(n => n.GetProperty("factCheck").GetBoolean()) >= 4);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sources_list_holds_each_cited_source_once_with_working_back_links()
    {
        var page = await browser.NewPageAsync(1440);
        await page.GotoAsync(site.PageUrl(BuiltSite.SampleSlug));
        var cited = await page.EvaluateAsync<string[]>("() => [...new Set([...document.querySelectorAll('.note-body a.source-link')].map(a => a.href))]");
        var listed = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.sources-list > li a.source-title')].map(a => a.href)");
        Assert.Equal(cited.Order(), listed.Order());
        Assert.Equal(listed.Length, listed.Distinct().Count());

        var back = page.Locator(".sources-list a.source-back").Nth(2);
        var target = (await back.GetAttributeAsync("href"))![1..];
        await back.ClickAsync();
        Assert.EndsWith("#" + target, page.Url, StringComparison.Ordinal);
        var source = await back.EvaluateAsync<string>("a => a.closest('li').querySelector('.source-title').href");
        Assert.Contains(source, await page.EvaluateAsync<string[]>("id => [...document.getElementById(id).querySelectorAll('a.source-link')].map(a => a.href)", target));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_page_requests_nothing_outside_the_site_and_the_theme_weighs_under_30_KB()
    {
        var page = await browser.NewPageAsync(1440);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(site.PageUrl(BuiltSite.SampleSlug), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.All(requests, url => Assert.StartsWith(site.Url, url, StringComparison.Ordinal));

        var assets = Path.Combine(RepoRoot.Find(), "templates/assets");
        var bytes = new FileInfo(Path.Combine(assets, "site.css")).Length + new FileInfo(Path.Combine(assets, "site.js")).Length;
        TestContext.Current.SendDiagnosticMessage($"theme CSS + JS: {bytes} bytes");
        Assert.True(bytes < 30 * 1024, $"site.css + site.js = {bytes} bytes");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(375)]
    public async Task The_page_renders_without_layout_shift(int width)
    {
        var page = await browser.NewPageAsync(width);
        await page.AddInitScriptAsync("""
            window.__cls = 0;
            window.__shifts = new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; });
            window.__shifts.observe({ type: 'layout-shift', buffered: true });
            """);
        await page.GotoAsync(site.PageUrl(BuiltSite.SampleSlug), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        // Whatever could move the page has happened once the fonts are in and the theme has laid the notes
        // out; two frames later every shift is rendered, and takeRecords hands over any not yet reported.
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.WaitForFunctionAsync("w => document.documentElement.dataset.notesWidth === String(w)", width, new() { Timeout = 10000 });
        var shift = await page.EvaluateAsync<double>("""
            () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => {
              for (const e of window.__shifts.takeRecords()) if (!e.hadRecentInput) window.__cls += e.value;
              done(window.__cls);
            })))
            """);
        TestContext.Current.SendDiagnosticMessage($"CLS at {width} px: {shift:0.0000}");
        Assert.True(shift < 0.01, $"cumulative layout shift {shift}");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1440)]
    public async Task Adjacent_references_read_and_copy_as_two_numbers(int width)
    {
        // The sample's first paragraph ends "…becoming stronger.[^publication][^open-questions]".
        var page = await browser.NewPageAsync(width);
        await page.GotoAsync(site.PageUrl(BuiltSite.SampleSlug));
        var pair = await page.EvaluateAsync<string[]>("""
            () => {
              const first = document.getElementById('tokayev-january-events--ref-publication-1');
              const second = first.nextElementSibling.nextElementSibling;
              const range = document.createRange();
              range.setStartBefore(first);
              range.setEndAfter(second);
              getSelection().removeAllRanges();
              getSelection().addRange(range);
              const copied = getSelection().toString();
              const sep = first.nextElementSibling;
              const [a, s, b] = [first, sep, second].map(e => e.getBoundingClientRect());
              return [first.textContent, second.textContent, copied, sep.getAttribute('aria-hidden'),
                      String(s.width > 0 && s.left >= a.right - 0.5 && b.left >= s.right - 0.5)];
            }
            """);

        var (first, second) = (pair[0], pair[1]);
        Assert.Equal($"{first},{second}", pair[2]);
        Assert.Equal("true", pair[3]);
        Assert.True(pair[4] == "true", "the comma is drawn between the two numbers");
        await page.Context.CloseAsync();
    }
}
