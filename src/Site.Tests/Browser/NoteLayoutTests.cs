using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>
/// How a reader meets a note, in a real browser (issue 3): in the margin on wide screens (with and without
/// JavaScript), in place on narrow ones, in print; by keyboard; without overlap, drift or layout shift.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoteLayoutTests(BrowserFixture browser, BuiltSite site)
{
    public static TheoryData<string, int, bool> WideCases => Cases([1280, 1440, 1920], [true, false]);

    public static TheoryData<string, int> NarrowCases => new()
    {
        { BuiltSite.SampleSlug, 320 }, { BuiltSite.SampleSlug, 375 }, { BuiltSite.SampleSlug, 768 }, { BuiltSite.SampleSlug, 1024 },
        { BuiltSite.StressSlug, 320 }, { BuiltSite.StressSlug, 375 }, { BuiltSite.StressSlug, 768 }, { BuiltSite.StressSlug, 1024 },
    };

    private static TheoryData<string, int, bool> Cases(int[] widths, bool[] scripts)
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var slug in new[] { BuiltSite.SampleSlug, BuiltSite.StressSlug })
        {
            foreach (var width in widths)
            {
                foreach (var script in scripts)
                {
                    data.Add(slug, width, script);
                }
            }
        }
        return data;
    }

    private async Task<IPage> OpenAsync(string slug, int width, bool javaScript = true, int height = 900)
    {
        var page = await browser.NewPageAsync(width, height, javaScript);
        await page.GotoAsync(site.PageUrl(slug), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("() => document.fonts.ready");
        return page;
    }

    [Theory]
    [MemberData(nameof(WideCases))]
    public async Task On_wide_screens_each_note_sits_in_the_margin_beside_its_reference_without_overlap(string slug, int width, bool javaScript)
    {
        var page = await OpenAsync(slug, width, javaScript);
        var layout = await LayoutProbe.ReadAsync(page);

        Assert.NotEmpty(layout.Notes);
        Assert.True(layout.ScrollWidth <= layout.ViewportWidth, $"horizontal scroll: {layout.ScrollWidth} > {layout.ViewportWidth}");
        foreach (var note in layout.Notes)
        {
            Assert.True(note.Visible, $"{note.Id} is not visible");
            Assert.True(note.Note.X >= layout.TextRight, $"{note.Id} starts at x={note.Note.X}, inside the text column (ends at {layout.TextRight})");
            Assert.True(note.Note.Right <= layout.ViewportWidth + 0.5, $"{note.Id} runs off the screen");
            Assert.True(note.Note.Y >= note.Reference.Y - 2, $"{note.Id} sits {note.Reference.Y - note.Note.Y:0} px above its reference");
            foreach (var block in layout.TextBlocks)
            {
                Assert.True(note.Note.Overlap(block) <= 1, $"{note.Id} overlaps text at y={block.Y}");
            }
        }
        for (var i = 0; i < layout.Notes.Count; i++)
        {
            for (var j = i + 1; j < layout.Notes.Count; j++)
            {
                Assert.True(layout.Notes[i].Note.Overlap(layout.Notes[j].Note) <= 1, $"{layout.Notes[i].Id} overlaps {layout.Notes[j].Id}");
            }
        }
        var tops = layout.Notes.OrderBy(n => n.Number).Select(n => n.Note.Y).ToList();
        Assert.Equal(tops.Order(), tops);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task On_the_sample_at_1440_px_notes_sit_close_to_their_references(bool javaScript)
    {
        var page = await OpenAsync(BuiltSite.SampleSlug, 1440, javaScript);
        var layout = await LayoutProbe.ReadAsync(page);
        var drift = LayoutProbe.Drift(layout);

        var median = LayoutProbe.Percentile(drift, 50);
        var p95 = LayoutProbe.Percentile(drift, 95);
        TestContext.Current.SendDiagnosticMessage($"drift at 1440 px, JavaScript {(javaScript ? "on" : "off")}: median {median:0} px, p95 {p95:0} px, max {drift.Max():0} px over {drift.Count} notes");
        // Layout is deterministic in one Chromium: the target of issue 13, held without overlap.
        Assert.True(p95 <= 150, $"p95 drift {p95:0} px > 150 px");
        for (var i = 1; i < layout.Notes.Count; i++)
        {
            Assert.True(layout.Notes[i - 1].Note.Bottom <= layout.Notes[i].Note.Y + 0.5, $"{layout.Notes[i - 1].Id} overlaps {layout.Notes[i].Id}");
        }
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, bool> ClippedNoteCases => new()
    {
        { BuiltSite.SampleSlug, true }, { BuiltSite.SampleSlug, false }, { BuiltSite.StressSlug, true }, { BuiltSite.StressSlug, false },
    };

    /// <summary>Issue 13: a margin note cut short for lack of room says so with a "more" link, reached with
    /// Tab from the note's back-link, that opens the whole note where it stands on Enter; a note shown whole
    /// has no such link.</summary>
    [Theory]
    [MemberData(nameof(ClippedNoteCases))]
    public async Task At_1440_px_a_clipped_margin_note_has_a_more_link_that_Enter_opens_in_place(string slug, bool javaScript)
    {
        var page = await OpenAsync(slug, 1440, javaScript);
        var notes = await NoteClipsAsync(page);
        Assert.All(notes.Where(n => !n.Clipped), n => Assert.False(n.MoreShown, $"{n.Id} is shown whole but offers 'more'"));
        var clipped = notes.Where(n => n.Clipped).Select(n => n.Id).ToList();
        if (slug == BuiltSite.SampleSlug)
        {
            Assert.NotEmpty(clipped);
        }
        foreach (var id in clipped)
        {
            await page.GotoAsync(site.PageUrl(slug));
            await page.EvaluateAsync("() => document.fonts.ready");
            // Without JavaScript the theme shows 'more' from a scroll-state query, which Chromium answers a
            // frame or two after layout: wait for it (the assertion below says what was seen if it never comes).
            await page.WaitForFunctionAsync(
                "id => { const m = document.getElementById(id).querySelector('a.note-more'); return m && getComputedStyle(m).display !== 'none'; }",
                id, new() { Timeout = 10000 }).ContinueWith(_ => { }, TaskScheduler.Default);
            var before = (await NoteClipsAsync(page)).Single(n => n.Id == id);
            Assert.True(before.MoreShown, $"{id} is cut short and offers no 'more'");

            await page.Locator($"[id='{id}'] a.note-back").Last.FocusAsync();
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("note-more", await page.EvaluateAsync<string>("() => document.activeElement.className"));
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForFunctionAsync("id => { const n = document.getElementById(id); return n.scrollHeight <= n.clientHeight + 1; }", id, new() { Timeout = 10000 });

            var after = (await NoteClipsAsync(page)).Single(n => n.Id == id);
            Assert.False(after.Clipped, $"{id} is still cut short after Enter on 'more'");
            Assert.True(Math.Abs(after.Top - before.Top) <= 1 && after.Height > before.Height, $"{id} did not open in place: top {before.Top:0} → {after.Top:0}, height {before.Height:0} → {after.Height:0}");
            if (javaScript)
            {
                Assert.Equal("true", await page.Locator($"[id='{id}'] a.note-more").GetAttributeAsync("aria-expanded"));
            }
        }
        await page.Context.CloseAsync();
    }

    private sealed record NoteClip(string Id, bool Clipped, bool MoreShown, double Top, double Height);

    private static async Task<List<NoteClip>> NoteClipsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>(NoteClipScript);
        return [.. json.EnumerateArray().Select(n => new NoteClip(n.GetProperty("id").GetString()!, n.GetProperty("clipped").GetBoolean(),
            n.GetProperty("moreShown").GetBoolean(), n.GetProperty("top").GetDouble(), n.GetProperty("height").GetDouble()))];
    }

    private const string NoteClipScript = """
        () => [...document.querySelectorAll('li.note')].map(n => {
          const more = n.querySelector('a.note-more'), b = n.getBoundingClientRect();
          return { id: n.id, clipped: n.scrollHeight > n.clientHeight + 1 && getComputedStyle(n).overflowY !== 'visible',
                   moreShown: !!more && more.getClientRects().length > 0 && getComputedStyle(more).visibility !== 'hidden',
                   top: b.top + scrollY, height: b.height };
        })
        """;

    [Fact]
    public async Task Resizing_1440_to_1000_and_back_gives_the_positions_of_a_fresh_load()
    {
        var fresh = await OpenAsync(BuiltSite.StressSlug, 1440);
        var expected = await LayoutProbe.ReadAsync(fresh);
        await fresh.Context.CloseAsync();

        var page = await OpenAsync(BuiltSite.StressSlug, 1440);
        await ResizeAsync(page, 1000);
        await ResizeAsync(page, 1440);
        var actual = await LayoutProbe.ReadAsync(page);

        Assert.Equal(expected.Notes.Select(n => n.Id), actual.Notes.Select(n => n.Id));
        foreach (var (want, got) in expected.Notes.Zip(actual.Notes))
        {
            Assert.True(Math.Abs(want.Note.X - got.Note.X) <= 2 && Math.Abs(want.Note.Y - got.Note.Y) <= 2,
                $"{want.Id}: fresh ({want.Note.X:0},{want.Note.Y:0}) vs after resize ({got.Note.X:0},{got.Note.Y:0})");
        }
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(NarrowCases))]
    public async Task On_narrow_screens_activating_a_reference_shows_its_note_in_view_and_Escape_returns_focus(string slug, int width)
    {
        var page = await OpenAsync(slug, width, height: 700);
        var references = await page.QuerySelectorAllAsync("a.note-ref");
        Assert.True(references.Count >= 4, $"the page has {references.Count} references; the test activates four");
        var notes = new List<string>();
        foreach (var reference in references.Take(4))
        {
            notes.Add((await reference.GetAttributeAsync("href"))![1..]);
        }
        var atRest = await RestingBoxesAsync(page, notes);
        foreach (var (reference, index) in references.Take(4).Select((r, i) => (r, i)))
        {
            var id = await reference.GetAttributeAsync("id");
            var noteId = notes[index];
            await reference.ScrollIntoViewIfNeededAsync();
            if (index % 2 == 0)
            {
                await reference.ClickAsync();
            }
            else
            {
                await reference.FocusAsync();
                await page.Keyboard.PressAsync(index == 1 ? "Enter" : "Space");
            }
            await WaitUntilOpenAsync(page, id!, noteId, open: true);
            await WaitUntilInViewAsync(page, noteId);

            var note = await Box(page, noteId);
            var viewport = page.ViewportSize!;
            Assert.True(note.Visible, $"{noteId} not shown after activating {id}");
            Assert.True(note.Box.Inside(viewport.Width, viewport.Height), $"{noteId} at {note.Box} is not fully inside the {viewport.Width}x{viewport.Height} viewport");
            Assert.True(await page.EvaluateAsync<double>("() => document.scrollingElement.scrollWidth") <= viewport.Width, "horizontal scrolling appeared");

            await page.Keyboard.PressAsync("Escape");
            await WaitUntilOpenAsync(page, id!, noteId, open: false);
            Assert.Equal(id, await page.EvaluateAsync<string?>("() => document.activeElement?.id"));
            // Closed, it is back in the Notes section where it rests, wherever the page has scrolled to.
            Assert.Equal(atRest, await RestingBoxesAsync(page, notes));
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_second_activation_closes_the_note()
    {
        var page = await OpenAsync(BuiltSite.StressSlug, 375, height: 700);
        var reference = (await page.QuerySelectorAllAsync("a.note-ref"))[0];
        var id = (await reference.GetAttributeAsync("id"))!;
        var noteId = (await reference.GetAttributeAsync("href"))![1..];
        var atRest = await RestingBoxesAsync(page, [noteId]);

        await reference.ClickAsync();
        await WaitUntilOpenAsync(page, id, noteId, open: true);
        await WaitUntilInViewAsync(page, noteId);
        Assert.True((await Box(page, noteId)).Box.Inside(375, 700));

        await reference.ClickAsync();
        await WaitUntilOpenAsync(page, id, noteId, open: false);
        Assert.Equal(atRest, await RestingBoxesAsync(page, [noteId]));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1440)]
    public async Task Without_JavaScript_a_reference_leads_to_its_note_and_the_back_link_leads_back(int width)
    {
        var page = await OpenAsync(BuiltSite.StressSlug, width, javaScript: false);
        var reference = page.Locator("a.note-ref").Nth(5);
        var id = await reference.GetAttributeAsync("id");
        var noteId = (await reference.GetAttributeAsync("href"))![1..];

        await reference.ClickAsync();
        Assert.EndsWith("#" + noteId, page.Url, StringComparison.Ordinal);
        var note = await Box(page, noteId);
        Assert.True(note.Visible);
        var viewport = page.ViewportSize!;
        Assert.True(note.Box.Y - await page.EvaluateAsync<double>("() => scrollY") < viewport.Height, "the note is not on screen after following the reference");

        await page.Locator($"#{noteId} a.note-back[href='#{id}']").ClickAsync();
        Assert.EndsWith("#" + id, page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>The theme's timers run on Playwright's clock, so the test sets the time: the preview must not
    /// open while the intent timer (400 ms) is pending, must open when it fires, and must not open at all
    /// for a pointer that a scroll (within 250 ms) brought over the reference.</summary>
    [Fact]
    public async Task Hover_previews_a_note_only_after_an_intent_delay_and_not_right_after_a_scroll()
    {
        var page = await browser.NewPageAsync(768, 900);
        await page.Clock.InstallAsync();
        await page.GotoAsync(site.PageUrl(BuiltSite.StressSlug), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("() => document.fonts.ready");
        await page.Clock.PauseAtAsync(DateTime.UtcNow.AddHours(1));
        // A reference below the fold, so that bringing it to the middle of the viewport scrolls the page.
        var id = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('a.note-ref')].find(a => a.getBoundingClientRect().top > innerHeight).id");
        var noteId = (await page.Locator($"#{id}").GetAttributeAsync("href"))![1..];

        // A scroll that ends with the reference under the resting pointer: no preview, however long it rests.
        await page.Mouse.MoveAsync(0, 0);
        var box = await ScrollToAsync(page, id);
        await page.Mouse.MoveAsync((float)(box.X + (box.W / 2)), (float)(box.Y + (box.H / 2)));
        await WaitUntilHighlightedAsync(page, id);
        await page.Clock.RunForAsync(2000);
        await AssertOpenAsync(page, id, noteId, open: false, "a pointer brought over the reference by a scroll previewed the note");

        // The pointer leaves and comes back once the page is still: the preview waits for the intent delay.
        await page.Mouse.MoveAsync(0, 0);
        await WaitUntilHighlightedAsync(page, id, highlighted: false);
        await page.Mouse.MoveAsync((float)(box.X + (box.W / 2)), (float)(box.Y + (box.H / 2)));
        await WaitUntilHighlightedAsync(page, id);
        await AssertOpenAsync(page, id, noteId, open: false, "the note opened at once, without the intent delay");
        await page.Clock.RunForAsync(399);
        await AssertOpenAsync(page, id, noteId, open: false, "the note opened before the intent delay ran out");
        await page.Clock.RunForAsync(1);
        await AssertOpenAsync(page, id, noteId, open: true, "the note did not open when the intent delay ran out");
        Assert.True((await Box(page, noteId)).Box.Inside(768, 900), "the preview is not inside the viewport");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1440)]
    [InlineData(375)]
    public async Task Hovering_or_focusing_a_phrase_or_its_note_highlights_both(int width)
    {
        var page = await OpenAsync(BuiltSite.StressSlug, width);
        var phrase = page.Locator("mark.note-phrase").First;
        var noteId = await phrase.GetAttributeAsync("data-note");
        var note = page.Locator($"#{noteId}");
        var phraseRest = await Background(phrase);
        var noteRest = await Background(note);

        await page.Locator($"a.note-ref[href='#{noteId}']").First.FocusAsync();
        await ChangesFromAsync(phrase, phraseRest);
        await ChangesFromAsync(note, noteRest);
        await page.Locator("body").FocusAsync();
        await page.Mouse.MoveAsync(0, 0);

        if (width >= 1280)
        {
            await note.HoverAsync();
            await ChangesFromAsync(phrase, phraseRest);
        }
        await phrase.HoverAsync();
        await ChangesFromAsync(phrase, phraseRest);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(BuiltSite.SampleSlug)]
    [InlineData(BuiltSite.StressSlug)]
    public async Task In_print_every_note_is_shown_without_overlap_or_controls_and_urls_follow_links(string slug)
    {
        var page = await browser.NewPageAsync(1024, 1400);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.GotoAsync(site.PageUrl(slug));
        var layout = await LayoutProbe.ReadAsync(page);

        Assert.All(layout.Notes, n => Assert.True(n.Visible, $"{n.Id} is hidden in print"));
        for (var i = 0; i < layout.Notes.Count; i++)
        {
            for (var j = i + 1; j < layout.Notes.Count; j++)
            {
                Assert.True(layout.Notes[i].Note.Overlap(layout.Notes[j].Note) <= 1, $"{layout.Notes[i].Id} overlaps {layout.Notes[j].Id} in print");
            }
        }
        var controls = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a.note-back, a.note-more, .skip-link, button')].filter(e => getComputedStyle(e).display !== 'none' && e.getBoundingClientRect().height > 0).length");
        Assert.Equal(0, controls);
        var printedUrl = await page.EvaluateAsync<string>("() => { const a = document.querySelector('.note-body a[href^=\"http\"]'); return getComputedStyle(a, '::after').content; }");
        Assert.Contains("http", printedUrl, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>Issue 13: "30." printed as "0.". The page laid out for print at the width of an A4 page's
    /// text: every list number, measured in its marker's font, starts inside the page.</summary>
    [Theory]
    [InlineData(BuiltSite.SampleSlug)]
    [InlineData(BuiltSite.StressSlug)]
    public async Task In_print_list_numbers_of_two_digits_and_more_are_not_cut_at_the_page_edge(string slug)
    {
        var page = await browser.NewPageAsync(673, 987); // A4 less the theme's @page margins, in CSS pixels
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await page.GotoAsync(site.PageUrl(slug));
        await page.EvaluateAsync("() => document.fonts.ready");
        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            () => [...document.querySelectorAll('main ol')].filter(l => getComputedStyle(l).listStyleType !== 'none').flatMap(list =>
              [...list.children].map((li, i) => {
                const m = getComputedStyle(li, '::marker'), probe = document.createElement('span');
                probe.style.cssText = `position:absolute;white-space:pre;font:${m.font};font-variant-numeric:${m.fontVariantNumeric};letter-spacing:${m.letterSpacing}`;
                probe.textContent = `${i + 1}. `;
                document.body.append(probe);
                const width = probe.getBoundingClientRect().width;
                probe.remove();
                return { number: i + 1, left: li.getBoundingClientRect().left - width };
              }))
            """);
        var markers = json.EnumerateArray().Select(m => new PrintedMarker(m.GetProperty("number").GetInt32(), m.GetProperty("left").GetDouble())).ToList();
        if (slug == BuiltSite.SampleSlug)
        {
            Assert.Contains(markers, m => m.Number >= 10);
        }
        Assert.All(markers, m => Assert.True(m.Left >= 0, $"number {m.Number}. starts {-m.Left:0.0} px outside the page"));
        await page.Context.CloseAsync();
    }

    private sealed record PrintedMarker(int Number, double Left);

    /// <summary>Issue 13: the last printed page held only the footer. Chromium prints the page twice, once
    /// with only the footer visible and once with everything but the footer (visibility keeps the layout,
    /// so the pages are the same): the page the footer is on must also carry the article.</summary>
    [Theory]
    [InlineData(BuiltSite.SampleSlug, "A4")]
    [InlineData(BuiltSite.SampleSlug, "Letter")]
    [InlineData(BuiltSite.StressSlug, "A4")]
    [InlineData(BuiltSite.StressSlug, "Letter")]
    [InlineData(BuiltSite.StressSlug, "A5")]
    public async Task In_print_the_footer_never_has_a_page_to_itself(string slug, string paper)
    {
        var page = await browser.NewPageAsync(1024, 1400);
        await page.GotoAsync(site.PageUrl(slug));
        await page.EvaluateAsync("() => document.fonts.ready");
        var onlyFooter = await page.AddStyleTagAsync(new() { Content = "body > :not(.site-footer) { visibility: hidden !important; }" });
        var footerPages = PrintedPages.WithText(await page.PdfAsync(new() { Format = paper }));
        await onlyFooter.EvaluateAsync("e => e.remove()");
        await page.AddStyleTagAsync(new() { Content = ".site-footer { visibility: hidden !important; }" });
        var articlePages = PrintedPages.WithText(await page.PdfAsync(new() { Format = paper }));

        Assert.Equal(footerPages.Count, articlePages.Count);
        var footerOn = Enumerable.Range(0, footerPages.Count).Where(i => footerPages[i]).ToList();
        Assert.Single(footerOn);
        Assert.True(articlePages[footerOn[0]], $"page {footerOn[0] + 1} of {footerPages.Count} holds only the footer");
        await page.Context.CloseAsync();
    }

    /// <summary>Resizes the viewport and waits until the theme has laid the notes out for the new width.</summary>
    private static async Task ResizeAsync(IPage page, int width)
    {
        await page.SetViewportSizeAsync(width, page.ViewportSize!.Height);
        await page.WaitForFunctionAsync("w => document.documentElement.dataset.notesWidth === String(w)", width, new() { Timeout = 10000 });
    }

    /// <summary>Waits (up to 10 s) until the theme shows the note as a popover at its reference, or until it
    /// has closed it: the states it sets, not positions, which scrolling changes.</summary>
    private static Task WaitUntilOpenAsync(IPage page, string referenceId, string noteId, bool open) =>
        page.WaitForFunctionAsync(
            "([r, n, open]) => document.getElementById(r).getAttribute('aria-expanded') === String(open) && document.getElementById(n).matches(':popover-open') === open",
            new object[] { referenceId, noteId, open }, new() { Timeout = 10000 });

    private static async Task AssertOpenAsync(IPage page, string referenceId, string noteId, bool open, string message)
    {
        var state = await page.EvaluateAsync<bool[]>(
            "([r, n]) => [document.getElementById(r).getAttribute('aria-expanded') === 'true', document.getElementById(n).matches(':popover-open')]",
            new[] { referenceId, noteId });
        Assert.True(state.All(s => s == open), message);
    }

    /// <summary>Waits (up to 10 s) for the theme's highlight class on the reference: set by the same pointer
    /// event that starts the intent timer.</summary>
    private static Task WaitUntilHighlightedAsync(IPage page, string referenceId, bool highlighted = true) =>
        page.WaitForFunctionAsync("([r, on]) => document.getElementById(r).classList.contains('is-hl') === on", new object[] { referenceId, highlighted }, new() { Timeout = 10000 });

    /// <summary>Scrolls the element to the middle of the viewport, waits for the page's scroll event, and
    /// returns the element's box in the viewport.</summary>
    private static async Task<Box> ScrollToAsync(IPage page, string id)
    {
        var scrolled = await page.EvaluateAsync<bool>("""
            id => new Promise(done => {
              const target = Math.max(0, scrollY + document.getElementById(id).getBoundingClientRect().top - innerHeight / 2);
              if (Math.abs(target - scrollY) < 1) { done(false); return; }
              addEventListener('scroll', () => done(true), { once: true });
              scrollTo(0, target);
            })
            """, id).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(scrolled, $"bringing {id} to the middle of the viewport did not scroll the page");
        return (await Box(page, id)).Box;
    }

    /// <summary>The notes' boxes in page coordinates, which scrolling does not change, with the pointer out of
    /// the way and once no note is open: a hover preview takes a note out of the list and moves the rest.</summary>
    private static async Task<List<Box>> RestingBoxesAsync(IPage page, IReadOnlyList<string> ids)
    {
        await page.Mouse.MoveAsync(0, 0);
        await page.WaitForFunctionAsync("() => document.querySelectorAll(':popover-open').length === 0", null, new() { Timeout = 10000 });
        var boxes = new List<Box>();
        foreach (var id in ids)
        {
            var (_, box) = await Box(page, id);
            var scroll = await page.EvaluateAsync<double[]>("() => [scrollX, scrollY]");
            boxes.Add(box with { X = box.X + scroll[0], Y = box.Y + scroll[1] });
        }
        return boxes;
    }

    /// <summary>Waits (up to 10 s) until the element is shown wholly inside the viewport.</summary>
    private static Task WaitUntilInViewAsync(IPage page, string id) =>
        page.WaitForFunctionAsync(
            "id => { const b = document.getElementById(id).getBoundingClientRect(); return b.height > 0 && b.top >= 0 && b.left >= 0 && b.bottom <= innerHeight && b.right <= innerWidth; }",
            id, new() { Timeout = 10000 });

    private static async Task<(bool Visible, Box Box)> Box(IPage page, string id)
    {
        var json = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "id => { const e = document.getElementById(id); const b = e.getBoundingClientRect(); const s = getComputedStyle(e); return { visible: s.display !== 'none' && s.visibility !== 'hidden' && b.height > 0, x: b.left, y: b.top, w: b.width, h: b.height }; }",
            id);
        return (json.GetProperty("visible").GetBoolean(),
            new Box(json.GetProperty("x").GetDouble(), json.GetProperty("y").GetDouble(), json.GetProperty("w").GetDouble(), json.GetProperty("h").GetDouble()));
    }

    /// <summary>Waits (up to 10 s) for the highlight to show: the theme fades it in, so it is not instant.</summary>
    private static async Task ChangesFromAsync(ILocator element, string rest)
    {
        var handle = await element.ElementHandleAsync();
        var highlighted = handle.EvaluateAsync("(e, rest) => new Promise(done => { const look = () => { const s = getComputedStyle(e); return s.backgroundColor + '|' + s.boxShadow + '|' + s.outlineStyle; }; const check = () => look() !== rest ? done() : requestAnimationFrame(check); check(); })", rest);
        if (await Task.WhenAny(highlighted, Task.Delay(TimeSpan.FromSeconds(10))) != highlighted)
        {
            Assert.Fail("the element was never highlighted");
        }
        await highlighted;
    }

    private static Task<string> Background(ILocator element) =>
        element.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor + '|' + getComputedStyle(e).boxShadow + '|' + getComputedStyle(e).outlineStyle");
}
