using System.Globalization;

namespace Site.Benchmarks.Harness;

/// <summary>Timed runs of one case of the incremental benchmark.</summary>
internal sealed record IncrementalRow(int Size, string Case, List<Sample> Samples)
{
    public const string Clean = "clean build (--no-cache, output deleted)";
    public const string Unchanged = "nothing changed";
    public const string OneArticle = "one article changed";
    public const string OneTemplate = "one template changed (article.html)";

    public double Wall => Stats.Median(Samples.Select(s => s.WallSeconds));

    public double Cpu => Stats.Median(Samples.Select(s => s.CpuSeconds));

    public double RssMb => Stats.Median(Samples.Select(s => s.PeakRssMb));
}

/// <summary>
/// Publish builds with the render cache (issue 16), NativeAOT, on a copy of a corpus with its own cache
/// folder: a clean build for reference, a rebuild with nothing changed, with one article changed (a
/// different one each run, a sentence added) and with article.html changed (every article rendered again).
/// The output is kept between runs, as a pipeline that keeps output/ and .site-cache/ does.
/// </summary>
/// <param name="timed">Runs a command quietly: (command, working folder, output to delete first or null, label).</param>
internal sealed class IncrementalBenchmark(Options options, Setup setup, string templates, string outputRoot, Func<List<string>, string, string?, string, Sample> timed)
{
    public List<IncrementalRow> Run(int size, string corpus)
    {
        var folder = Path.Combine(options.Work, "incremental", size.ToString(CultureInfo.InvariantCulture));
        Setup.DeleteDirectory(folder);
        var content = Path.Combine(folder, "content");
        var theme = Path.Combine(folder, "templates");
        Setup.CopyDirectory(Path.Combine(corpus, "site", "content"), content);
        Setup.CopyDirectory(templates, theme);
        var output = Path.Combine(outputRoot, $"incremental-{size}");
        List<string> Command(params string[] extra) => [setup.AotSite, "build", "--content", content, "--templates", theme, "--output", output, "--strict", "--quiet", .. extra];
        Console.WriteLine($"\n== {size} articles, incremental publish builds (NativeAOT, cache in {folder}/.site-cache): {options.Runs} timed run(s) per case ==");

        var rows = new List<IncrementalRow>();
        List<Sample> Runs(string label, Func<int, List<string>> prepare, bool clean = false)
        {
            var samples = new List<Sample>();
            for (var run = 0; run < options.Runs; run++)
            {
                var command = prepare(run);
                var sample = timed(command, folder, clean ? output : null, $"{label,-40} run {run + 1}/{options.Runs}");
                if (sample.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{label} on {size} articles failed (exit {sample.ExitCode}):\n{sample.Output}");
                }
                samples.Add(sample);
            }
            rows.Add(new IncrementalRow(size, label, samples));
            return samples;
        }

        Runs(IncrementalRow.Clean, _ => Command("--no-cache"), clean: true);
        Runs(IncrementalRow.Unchanged, _ => Command());
        var articles = Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Runs(IncrementalRow.OneArticle, run =>
        {
            AddSentence(articles[(run * 7919 + 13) % articles.Count], run);
            return Command();
        });
        Runs(IncrementalRow.OneTemplate, run =>
        {
            File.AppendAllText(Path.Combine(theme, "article.html"), $"<!-- edit {run} -->\n");
            return Command();
        });
        Setup.DeleteDirectory(output);
        return rows;
    }

    /// <summary>A correction's worth of text: one sentence as the first paragraph of the body.</summary>
    private static void AddSentence(string article, int run)
    {
        var text = File.ReadAllText(article);
        var body = text.IndexOf("\n---\n", 3, StringComparison.Ordinal) + 5;
        File.WriteAllText(article, text[..body] + $"\nUpdated in run {run}: the figures were checked again.\n" + text[body..]);
    }
}
