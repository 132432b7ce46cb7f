using System.Globalization;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>One verdict of the desk's scale: its name as fact-checks write it, what it means, and its place
/// on the rating scale (a higher rating is closer to true).</summary>
internal sealed record Verdict(string Name, string Meaning, int Rating);

/// <summary>
/// The desk's verdicts (site.yml <c>verdicts:</c>): every fact-check uses one of them, so that fact-checks
/// can be compared and aggregated, and ClaimReview gets a rating on a known scale.
/// </summary>
internal sealed record VerdictScale(IReadOnlyList<Verdict> Verdicts)
{
    private static readonly string[] Keys = ["name", "meaning", "rating"];

    public int Best => Verdicts.Max(v => v.Rating);

    public int Worst => Verdicts.Min(v => v.Rating);

    public Verdict? Find(string name) => Verdicts.FirstOrDefault(v => v.Name == name);

    /// <summary>The verdict a typo probably meant: the same name in another case, or one or two edits away.</summary>
    public Verdict? Closest(string name) =>
        DidYouMean.Closest(name, Verdicts.Select(v => v.Name), edits: Math.Max(2, name.Length / 4)) is { } near ? Find(near) : null;

    public bool Equals(VerdictScale? other) => other is not null && Verdicts.SequenceEqual(other.Verdicts);

    public override int GetHashCode() => Verdicts.Count;

    /// <summary>The list under <c>verdicts:</c>; null (reported) when it is not a list of whole verdicts.</summary>
    public static VerdictScale? Read(YamlNode node, string file, DiagnosticBag diagnostics)
    {
        if (node is not YamlList { Items.Count: > 0 } list)
        {
            diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(file, node.Line, node.Column),
                "'verdicts' must be a list of verdicts, each with name, meaning and rating, e.g. - {name: Accurate, meaning: The claim is correct., rating: 5}");
            return null;
        }
        var verdicts = new List<Verdict>();
        var complete = true;
        foreach (var item in list.Items)
        {
            if (Verdict(item, file, diagnostics) is not { } verdict)
            {
                complete = false;
            }
            else if (verdicts.Find(v => v.Name == verdict.Name) is { } same)
            {
                diagnostics.Report(DiagnosticCode.VerdictScale, new FilePosition(file, item.Line, item.Column), $"verdict '{verdict.Name}' is on the scale twice; give each verdict one name");
                complete = false;
            }
            else
            {
                verdicts.Add(verdict);
            }
        }
        return complete ? new VerdictScale(verdicts) : null;
    }

    private static Verdict? Verdict(YamlNode item, string file, DiagnosticBag diagnostics)
    {
        if (item is not YamlMap map)
        {
            diagnostics.Report(DiagnosticCode.BadValue, new FilePosition(file, item.Line, item.Column), "each verdict must be a mapping with name, meaning and rating");
            return null;
        }
        var fields = new YamlFields(map, file, diagnostics, "verdict", Keys);
        var name = fields.String("name", required: true);
        var meaning = fields.String("meaning", required: true);
        var ratingText = fields.String("rating", required: true);
        int? rating = null;
        if (ratingText is not null)
        {
            rating = int.TryParse(ratingText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var r) ? r : null;
            if (rating is null)
            {
                fields.Report(DiagnosticCode.BadValue, fields.Node("rating")!, $"'rating' must be a whole number, like 1 or 5, not '{ratingText}'");
            }
        }
        return name is null || meaning is null || rating is null ? null : new Verdict(name.Trim(), meaning, rating.Value);
    }
}
