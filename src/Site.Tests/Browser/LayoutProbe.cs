using System.Text.Json;
using Microsoft.Playwright;

namespace Site.Tests.Browser;

/// <summary>Boxes of what a reader sees, in page coordinates, read from the live page in one call.</summary>
internal sealed record Box(double X, double Y, double W, double H)
{
    public double Right => X + W;

    public double Bottom => Y + H;

    public double Overlap(Box other) =>
        Math.Max(0, Math.Min(Right, other.Right) - Math.Max(X, other.X)) * Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y));

    public bool Inside(double width, double height, double slack = 0.5) =>
        X >= -slack && Y >= -slack && Right <= width + slack && Bottom <= height + slack;
}

internal sealed record NoteGeometry(string Id, int Number, Box Note, Box Reference, bool Visible);

internal sealed record PageGeometry(
    IReadOnlyList<NoteGeometry> Notes,
    IReadOnlyList<Box> TextBlocks,
    double TextLeft,
    double TextRight,
    double ViewportWidth,
    double ViewportHeight,
    double ScrollWidth);

internal static class LayoutProbe
{
    private const string Script = """
        () => {
          const box = e => { const b = e.getBoundingClientRect(); return { x: b.left + scrollX, y: b.top + scrollY, w: b.width, h: b.height }; };
          const notes = [...document.querySelectorAll('li.note')].map(n => {
            const ref = document.querySelector(`a.note-ref[href="#${CSS.escape(n.id)}"]`);
            const style = getComputedStyle(n);
            return { id: n.id, number: +n.querySelector('.note-num').textContent, note: box(n), reference: box(ref),
                     visible: style.display !== 'none' && style.visibility !== 'hidden' && n.getBoundingClientRect().height > 0 };
          });
          const blocks = [...document.querySelectorAll('.article-body > *, .article-header, .sources, .tags, .site-footer, .site-header')]
            .filter(e => e.getBoundingClientRect().height > 0).map(box);
          const paragraphs = [...document.querySelectorAll('.article-body > p')].map(box);
          return { notes, textBlocks: blocks, textLeft: Math.min(...paragraphs.map(p => p.x)), textRight: Math.max(...paragraphs.map(p => p.x + p.w)),
                   viewportWidth: innerWidth, viewportHeight: innerHeight, scrollWidth: document.scrollingElement.scrollWidth };
        }
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static async Task<PageGeometry> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(Script);
        return json.Deserialize<PageGeometry>(Json)!;
    }

    /// <summary>How far each note's top sits below its first reference's top, in CSS pixels.</summary>
    public static IReadOnlyList<double> Drift(PageGeometry page) => [.. page.Notes.Select(n => n.Note.Y - n.Reference.Y)];

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = p / 100 * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }
}
