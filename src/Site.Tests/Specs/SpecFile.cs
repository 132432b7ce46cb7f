namespace Site.Tests.Specs;

/// <summary>One example of a spec file: Markdown in, and either HTML or diagnostics out.</summary>
/// <param name="Line">Line of the opening fence in the spec file, for failure messages.</param>
/// <param name="Skip">Why the example is skipped, from a <c>&lt;!-- skip: reason --&gt;</c> line right above its
/// fence (a known bug: the example shows the behaviour intended); null when it runs.</param>
internal sealed record SpecExample(int Number, string Section, int Line, string Markdown, string Expected, bool ExpectsDiagnostics, string? Skip = null)
{
    public string Name => $"Example {Number:00}: {Section} (line {Line})";
}

/// <summary>
/// Reads CommonMark-style spec files (as in Markdig's FootnotesSpecs.md): prose, and examples fenced by
/// 32 backticks and "example", with the Markdown and the expected output separated by a line holding a
/// single ".". The variant "example diagnostics" expects diagnostics instead of HTML. A line
/// <c>&lt;!-- skip: reason --&gt;</c> right above an example's fence skips it, giving the reason.
/// </summary>
internal static class SpecFile
{
    public const string Fence = "````````````````````````````````";

    private const string HtmlInfo = " example";
    private const string DiagnosticsInfo = " example diagnostics";

    private const string SkipStart = "<!-- skip: ";

    private const string SkipEnd = " -->";

    public static IReadOnlyList<SpecExample> Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var examples = new List<SpecExample>();
        var section = "";
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                section = line.TrimStart('#').Trim();
                continue;
            }
            if (!line.StartsWith(Fence, StringComparison.Ordinal))
            {
                continue;
            }
            var info = line[Fence.Length..];
            if (info is not (HtmlInfo or DiagnosticsInfo))
            {
                throw new FormatException($"line {i + 1}: expected '{Fence}{HtmlInfo}' or '{Fence}{DiagnosticsInfo}', found '{line}'");
            }
            var opening = i;
            var markdown = new List<string>();
            var expected = new List<string>();
            var current = markdown;
            for (i++; ; i++)
            {
                if (i == lines.Length)
                {
                    throw new FormatException($"line {opening + 1}: the example is not closed by a line of {Fence.Length} backticks");
                }
                if (lines[i] == Fence)
                {
                    break;
                }
                if (lines[i] == "." && current == markdown)
                {
                    current = expected;
                    continue;
                }
                current.Add(lines[i]);
            }
            if (current == markdown)
            {
                throw new FormatException($"line {opening + 1}: the example has no '.' line between its Markdown and its expected output");
            }
            var above = opening > 0 ? lines[opening - 1] : "";
            var skip = above.StartsWith(SkipStart, StringComparison.Ordinal) && above.EndsWith(SkipEnd, StringComparison.Ordinal)
                ? above[SkipStart.Length..^SkipEnd.Length].Trim()
                : null;
            examples.Add(new SpecExample(examples.Count + 1, section, opening + 1, Join(markdown), Join(expected), info == DiagnosticsInfo, skip));
        }
        return examples;
    }

    /// <summary>Counts example fences without parsing them, to check that parsing skipped none.</summary>
    public static int CountOpeningFences(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Count(line => line.StartsWith(Fence + HtmlInfo, StringComparison.Ordinal));

    private static string Join(List<string> lines) => lines.Count == 0 ? "" : string.Join("\n", lines) + "\n";
}
