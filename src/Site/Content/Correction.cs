using Site.Diagnostics;

namespace Site.Content;

internal enum CorrectionKind
{
    Correction,
    Clarification,
    Update,
}

/// <summary>A change made after publication (front matter <c>corrections:</c>), shown dated on the page.
/// <paramref name="Number"/> is its 1-based place in the list, which a correction note's <c>entry</c> names.</summary>
internal sealed record Correction(int Number, PublishDate Date, CorrectionKind Kind, string Text);

/// <summary>Reads and checks <c>corrections:</c>: each dated no earlier than the article, in date order.</summary>
internal static class Corrections
{
    private static readonly string[] Keys = ["date", "kind", "text"];

    public static readonly string[] KindNames = ["correction", "clarification", "update"];

    public static IReadOnlyList<Correction> Read(YamlFields front, PublishDate? published)
    {
        if (front.Node("corrections") is not { } node)
        {
            return [];
        }
        if (node is not YamlList list)
        {
            front.Report(DiagnosticCode.BadValue, node, "'corrections' must be a list, each with date, kind and text, e.g. - {date: 2024-03-01T10:00:00+05:00, kind: correction, text: …}");
            return [];
        }
        var corrections = new List<Correction>();
        foreach (var (item, index) in list.Items.Select((item, index) => (item, index)))
        {
            if (Read(item, index + 1, front) is not { } correction)
            {
                continue;
            }
            if (published is { } article && correction.Date.Value < article.Value)
            {
                front.Report(DiagnosticCode.CorrectionOrder, item, $"correction {correction.Number} is dated {correction.Date.ToIso()}, before the article was published ({article.ToIso()})");
            }
            else if (corrections.Count > 0 && correction.Date.Value < corrections[^1].Date.Value)
            {
                front.Report(DiagnosticCode.CorrectionOrder, item, $"correction {correction.Number} is dated {correction.Date.ToIso()}, before correction {corrections[^1].Number} ({corrections[^1].Date.ToIso()}); list corrections oldest first");
            }
            corrections.Add(correction);
        }
        return corrections;
    }

    private static Correction? Read(YamlNode item, int number, YamlFields front)
    {
        if (item is not YamlMap map)
        {
            front.Report(DiagnosticCode.BadValue, item, "each correction must be a mapping with date, kind and text");
            return null;
        }
        var fields = new YamlFields(map, front.File, front.Diagnostics, "correction", Keys);
        var date = fields.Date("date", required: true);
        var kindName = fields.String("kind", required: true);
        var text = fields.String("text", required: true);
        CorrectionKind? kind = null;
        if (kindName is not null)
        {
            var index = Array.IndexOf(KindNames, kindName);
            kind = index >= 0 ? (CorrectionKind)index : null;
            if (kind is null)
            {
                var hint = DidYouMean.Hint(kindName, KindNames);
                fields.Report(DiagnosticCode.BadValue, fields.Node("kind")!, $"correction kind '{kindName}' is not known{hint}; use {string.Join(", ", KindNames)}");
            }
        }
        return date is null || kind is null || text is null ? null : new Correction(number, date.Value, kind.Value, text);
    }
}
