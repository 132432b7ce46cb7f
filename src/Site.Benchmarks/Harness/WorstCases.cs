using System.Globalization;
using System.Text;
using Site.Tests.Robustness.Fuzz;

namespace Site.Benchmarks.Harness;

/// <summary>One worst-case input: an article file, and the exit code its build must end with (0 built, 1
/// refused; null: either, as for fuzz documents, as long as the program does not crash).</summary>
internal sealed record WorstCase(string Name, string Group, Func<byte[]> File, int? ExitCode);

/// <summary>A worst case's timed builds.</summary>
internal sealed record WorstCaseResult(WorstCase Case, List<Sample> Samples)
{
    public double Wall => Stats.Median(Samples.Select(s => s.WallSeconds));
}

/// <summary>
/// Worst-case inputs (issue 11): the pathological articles the robustness tests refuse or build (issue 7),
/// the fuzz regressions they replay, and documents of their fuzzer. The tests only require each build to
/// end within a generous hang guard, so that a loaded machine cannot fail them; how fast each ends is
/// measured here, one article per site, with the NativeAOT binary and the real templates.
/// </summary>
internal static class WorstCases
{
    public const string Pathological = "pathological";
    public const string Regressions = "fuzz regressions";
    public const string Fuzzed = "fuzz documents";

    /// <summary>The most one worst-case build may take, start to exit, on a quiet machine: the per-document
    /// limit the fuzz test used to enforce, and far below the minutes Markdig took on some of these.</summary>
    public const double TargetSeconds = 3;

    private const string FrontMatter = "---\ntitle: Extreme\ndate: 2024-01-02\n---\n";

    public static IEnumerable<WorstCase> All(string repo, int fuzzDocuments)
    {
        foreach (var (name, body, exitCode) in Shapes())
        {
            yield return new WorstCase(name, Pathological, () => Encoding.UTF8.GetBytes(FrontMatter + body()), exitCode);
        }
        yield return new WorstCase("50 MB file", Pathological, FiftyMegabytes, 1);
        var regressions = Path.Combine(repo, "src", "Site.Tests", "Robustness", "Regressions");
        foreach (var file in Directory.EnumerateFiles(regressions, "*.md").Order(StringComparer.Ordinal))
        {
            yield return new WorstCase(Path.GetFileNameWithoutExtension(file), Regressions, () => File.ReadAllBytes(file), null);
        }
        var sample = File.ReadAllBytes(Path.Combine(repo, "content", "tokayev-january-events.md"));
        for (var i = 0; i < fuzzDocuments; i++)
        {
            var number = i;
            yield return new WorstCase($"case {number}", Fuzzed, () => FuzzCase.Make(FuzzCase.DefaultSeed, number, sample).Bytes, null);
        }
    }

    /// <summary>The shapes of MalformedContentTests, at the sizes it uses.</summary>
    private static IEnumerable<(string Name, Func<string> Body, int ExitCode)> Shapes()
    {
        yield return ("100,000 nested block quotes", () => new string('>', 100_000) + " deep\n", 1);
        yield return ("100,000 nested brackets", () => new string('[', 100_000) + "deep\n", 1);
        yield return ("100,000 nested bullet lists", () => Repeat("- ", 100_000) + "deep\n", 1);
        yield return ("100,000 nested ordered lists", () => Repeat("1. ", 100_000) + "deep\n", 1);
        yield return ("50,000 levels of emphasis", () => new string('*', 50_000) + "deep" + new string('*', 50_000) + "\n", 1);
        yield return ("100,000 nested phrase annotations", () => Repeat("[", 100_000) + "deep" + Repeat("]{^n}", 100_000) + "\n\n[^n]: A note.\n", 1);
        yield return ("4 million list markers", () => Repeat("- ", 4_000_000) + "deep\n", 1);
        yield return ("2 million quote markers", () => Repeat("> ", 2_000_000) + "deep\n", 1);
        yield return ("300,000 link definitions", () => Repeat("[a]: https://example.org/\n", 300_000), 1);
        yield return ("50,000 headings with the same text", () => Repeat("## Update\n\n", 50_000), 0);
        yield return ("6 MB article", SixMegabytes, 0);
        yield return ("100,000 references to one note", () => References(notes: 1), 1);
        yield return ("100,000 references to as many notes", () => References(notes: 100_000), 1);
        yield return ("100,000 undefined references", () => Repeat("Claim.[^gone] ", 100_000) + "\n", 1);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string SixMegabytes()
    {
        var body = new StringBuilder();
        for (var i = 0; body.Length < 6 * 1024 * 1024; i++)
        {
            body.Append("Paragraph ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" of a very long article, with a few words & an ampersand to escape.\n\n");
        }
        return body.Append("The last paragraph.[^end]\n\n[^end]: The last note.\n").ToString();
    }

    private static string References(int notes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            text.Append("Claim.[^n").Append((i % notes).ToString(CultureInfo.InvariantCulture)).Append("] ");
        }
        text.Append("\n\n");
        for (var i = 0; i < notes; i++)
        {
            text.Append("[^n").Append(i.ToString(CultureInfo.InvariantCulture)).Append("]: Note ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(".\n");
        }
        return text.ToString();
    }

    private static byte[] FiftyMegabytes()
    {
        var line = Encoding.UTF8.GetBytes("A sentence of an endless article, repeated until the file is far too large.\n");
        var file = new MemoryStream();
        file.Write(Encoding.UTF8.GetBytes(FrontMatter));
        while (file.Length < 50L * 1024 * 1024)
        {
            file.Write(line);
        }
        return file.ToArray();
    }
}
