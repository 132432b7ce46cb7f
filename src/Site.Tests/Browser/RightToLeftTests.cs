using Microsoft.Playwright;
using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>
/// A page in a right-to-left language (issue 15): the Hebrew fixture, whose own strings table says
/// <c>direction: rtl</c>. The layout mirrors: margin notes sit in the left margin, level with their
/// references, and a reference's popover opens towards the end of its line, leftwards.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RightToLeftTests(BrowserFixture browser, BuiltSite site)
{
    private async Task<IPage> OpenAsync(int width, bool javaScript = true, int height = 900)
    {
        var page = await browser.NewPageAsync(width, height, javaScript);
        await page.GotoAsync(site.PageUrl(BuiltSite.RtlSlug), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.EvaluateAsync("() => document.fonts.ready");
        return page;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task At_1440_px_every_note_sits_in_the_left_margin_level_with_its_reference_without_overlap(bool javaScript)
    {
        var page = await OpenAsync(1440, javaScript);
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
        var layout = await LayoutProbe.ReadAsync(page);

        Assert.True(layout.Notes.Count >= 8, $"the fixture has {layout.Notes.Count} notes");
        Assert.True(layout.ScrollWidth <= layout.ViewportWidth, $"horizontal scroll: {layout.ScrollWidth} > {layout.ViewportWidth}");
        var notes = layout.Notes.OrderBy(n => n.Number).ToList();
        for (var i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            Assert.True(note.Visible, $"{note.Id} is not visible");
            Assert.True(note.Note.Right <= layout.TextLeft + 0.5, $"{note.Id} ends at x={note.Note.Right:0}, inside the text column (starts at {layout.TextLeft:0})");
            Assert.True(note.Note.X >= -0.5, $"{note.Id} runs off the screen at x={note.Note.X:0}");
            foreach (var block in layout.TextBlocks)
            {
                Assert.True(note.Note.Overlap(block) <= 1, $"{note.Id} overlaps text at y={block.Y}");
            }
            // Level with its reference, or pushed down by the note above to just below it (.25rem apart).
            var level = Math.Abs(note.Note.Y - note.Reference.Y) <= 2;
            var pushed = i > 0 && note.Note.Y > note.Reference.Y && note.Note.Y - notes[i - 1].Note.Bottom <= 6;
            Assert.True(level || pushed,
                $"{note.Id} sits at y={note.Note.Y:0}, its reference at y={note.Reference.Y:0}" + (i > 0 ? $", the note above ends at y={notes[i - 1].Note.Bottom:0}" : ""));
            for (var j = i + 1; j < notes.Count; j++)
            {
                Assert.True(note.Note.Overlap(notes[j].Note) <= 1, $"{note.Id} overlaps {notes[j].Id}");
            }
        }
        Assert.Contains(notes.Skip(1), n => n.Note.Y > n.Reference.Y + 2); // close references: some notes are pushed down
        await page.Context.CloseAsync();
    }

    /// <summary>Each reference's popover lies inside the viewport, and opens from the reference leftwards:
    /// its right edge just right of the reference's (or at the viewport's edge).</summary>
    [Theory]
    [InlineData(375)]
    [InlineData(768)]
    public async Task On_narrow_screens_a_reference_opens_its_note_inside_the_viewport_towards_the_end_of_the_line(int width)
    {
        var page = await OpenAsync(width, height: 700);
        var references = await page.QuerySelectorAllAsync("a.note-ref");
        Assert.True(references.Count >= 8, $"the fixture has {references.Count} references");
        foreach (var reference in references)
        {
            var id = (await reference.GetAttributeAsync("id"))!;
            var noteId = (await reference.GetAttributeAsync("href"))![1..];
            await reference.ScrollIntoViewIfNeededAsync();
            await reference.ClickAsync();
            await page.WaitForFunctionAsync(
                "n => { const e = document.getElementById(n); const b = e.getBoundingClientRect(); return e.matches(':popover-open') && b.height > 0 && b.top >= 0 && b.bottom <= innerHeight; }",
                noteId, new() { Timeout = 10000 });
            var boxes = await page.EvaluateAsync<double[]>(
                "([r, n]) => { const a = document.getElementById(r).getBoundingClientRect(), b = document.getElementById(n).getBoundingClientRect(); return [a.right, b.left, b.top, b.width, b.height]; }",
                new[] { id, noteId });
            var note = new Box(boxes[1], boxes[2], boxes[3], boxes[4]);
            Assert.True(note.Inside(width, 700), $"{noteId} at {note} is not inside the {width}x700 viewport");
            // The theme keeps 8 px from the viewport's edges: a wide note is pushed back inside.
            var expectedRight = Math.Clamp(boxes[0] + 16, 8 + note.W, width - 8);
            Assert.True(Math.Abs(note.Right - expectedRight) <= 1, $"{noteId} ends at x={note.Right:0}; its reference at x={boxes[0]:0}");
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForFunctionAsync("n => !document.getElementById(n).matches(':popover-open')", noteId, new() { Timeout = 10000 });
        }
        await page.Context.CloseAsync();
    }

    /// <summary>Bidi reads digit-comma-digit as one number, so without isolation two adjacent references
    /// "6,7" would show 6 on the left, read last in a right-to-left line. Each reference reads in its own
    /// place: the first on the right, then the comma, then the second.</summary>
    [Fact]
    public async Task Adjacent_references_read_from_right_to_left()
    {
        var page = await OpenAsync(1440);
        var boxes = await page.EvaluateAsync<double[]>("""
            () => { const a = document.querySelector('a.note-ref[href$="--note-near-a"]'), b = document.querySelector('a.note-ref[href$="--note-near-b"]');
                    const sep = b.previousElementSibling;
                    return [a.getBoundingClientRect().left, sep.getBoundingClientRect().left, b.getBoundingClientRect().left, sep.matches('.note-sep') ? 1 : 0]; }
            """);
        Assert.Equal(1, boxes[3]);
        Assert.True(boxes[0] > boxes[1] && boxes[1] > boxes[2],
            $"left edges: first reference {boxes[0]:0}, comma {boxes[1]:0}, second reference {boxes[2]:0}; expected them right to left");
        await page.Context.CloseAsync();
    }

    /// <summary>Two self-describing fact-checks beside the fixture's article, for the fact-check index.</summary>
    private const string FactCheckArticle = """
        ---
        title: בדיקת עובדות בעמוד מימין לשמאל
        date: 2024-02-02
        sources:
          src: {title: "Report", publisher: Agency, url: "https://example.com/r", date: 2024-02-01}
        ---
        בעמוד הזה יש שתי הערות.[^a] בעמוד הזה אין הערות.[^b]

        [^a]: {fact-check verdict="מדויק" claim="בעמוד הזה יש שתי הערות" claimant="העמוד"} יש בו שתי הערות ([@src]).

        [^b]: {fact-check verdict="לא מדויק" claim="בעמוד הזה אין הערות" claimant="העמוד"} יש בו שתי הערות ([@src]).
        """;

    /// <summary>SVG text starts at its right end in right-to-left pages: the chart mirrors, its verdicts at the
    /// right edge and its bars growing leftwards, every label inside the chart.</summary>
    [Fact]
    public async Task The_fact_check_chart_mirrors_with_every_label_inside_it()
    {
        using var folder = new TempDirectory();
        var repo = RepoRoot.Find();
        Preview.PreviewHost.CopyDirectory(Path.Combine(repo, "src/Site.Tests/Sites/rtl/content"), folder.Combine("content"));
        folder.Write("content/checked.md", FactCheckArticle);
        var run = await SiteProcess.RunAsync(folder.Path, ["build", "--content", "content", "--templates", Path.Combine(repo, "templates"), "--output", "output"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        await using var server = await StaticSiteServer.StartAsync(folder.Combine("output"));

        var page = await browser.NewPageAsync(1440);
        await page.GotoAsync(server.Url + "fact-checks/");
        var boxes = await page.EvaluateAsync<double[][]>("""
            () => { const svg = document.querySelector('.verdict-chart svg').getBoundingClientRect();
                    return [...document.querySelectorAll('.verdict-chart svg :is(text, rect)')].map(e => { const b = e.getBoundingClientRect();
                      return [b.left - svg.left, svg.right - b.right, b.width]; }); }
            """);
        Assert.Equal(6, boxes.Length);
        Assert.All(boxes, b => Assert.True(b[0] >= -0.5 && b[1] >= -0.5 && b[2] > 0, $"a label or bar lies outside the chart: {b[0]:0} px from its left, {b[1]:0} px from its right"));
        // Each row: its verdict at the right edge, its bar and count to the left of it, in that order.
        foreach (var row in boxes.Chunk(3))
        {
            Assert.True(row[0][1] <= 0.5, $"a verdict ends {row[0][1]:0} px short of the chart's right edge");
            Assert.True(row[1][0] > row[2][0], "the count is not left of its bar");
        }
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(375)]
    [InlineData(1440)]
    public Task Axe_finds_no_violations_on_a_right_to_left_page(int width) =>
        Axe.AssertNoViolationsAsync(browser.Browser, site.PageUrl(BuiltSite.RtlSlug), width);
}
