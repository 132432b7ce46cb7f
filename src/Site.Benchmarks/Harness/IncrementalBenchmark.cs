using System.Globalization;

namespace Site.Benchmarks.Harness;

/// <summary>Timed runs of one case of the incremental benchmark.</summary>
internal sealed record IncrementalRow(int Size, string Storage, string Case, List<Sample> Samples)
{
    public const string Clean = "clean build (--no-cache, output deleted)";
    public const string HugoClean = "Hugo's clean build (output deleted)";
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
/// The output is kept between runs, as a pipeline that keeps output/ and .site-cache/ does. Run once per
/// storage: what a build costs on a tmpfs and on a disk differs most in the carry (links, stamps, renames).
/// </summary>
/// <param name="timed">Runs a command quietly: (command, working folder, output to delete first or null, label).</param>
internal sealed class IncrementalBenchmark(Options options, Setup setup, string templates, Func<List<string>, string, string?, string, Sample> timed)
{
    /// <param name="storage">What the output root is, for the report ("tmpfs", "disk (ext4)").</param>
    /// <param name="hugo">Hugo's clean build of the corpus into an output folder, timed on the same storage as a
    /// reference; null when the clean builds already measured it there, or Hugo is not installed.</param>
    public List<IncrementalRow> Run(int size, string corpus, string outputRoot, string storage, Func<string, List<string>>? hugo)
    {
        var folder = Path.Combine(options.Work, "incremental", size.ToString(CultureInfo.InvariantCulture));
        Setup.DeleteDirectory(folder);
        var content = Path.Combine(folder, "content");
        var theme = Path.Combine(folder, "templates");
        Setup.CopyDirectory(Path.Combine(corpus, "site", "content"), content);
        Setup.CopyDirectory(templates, theme);
        var output = Path.Combine(outputRoot, $"incremental-{size}");
        List<string> Command(params string[] extra) => [setup.AotSite, "build", "--content", content, "--templates", theme, "--output", output, "--strict", "--quiet", .. extra];
        Console.WriteLine($"\n== {size} articles, incremental publish builds on {storage} (NativeAOT, cache in {folder}/.site-cache, output in {output}): {options.Runs} timed run(s) per case ==");

        var rows = new List<IncrementalRow>();
        List<Sample> Runs(string label, Func<int, List<string>> prepare, string? deleted = null)
        {
            var samples = new List<Sample>();
            for (var run = 0; run < options.Runs; run++)
            {
                var command = prepare(run);
                var sample = timed(command, folder, deleted, $"{label,-40} run {run + 1}/{options.Runs}");
                if (sample.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{label} on {size} articles failed (exit {sample.ExitCode}):\n{sample.Output}");
                }
                samples.Add(sample);
            }
            rows.Add(new IncrementalRow(size, storage, label, samples));
            return samples;
        }

        if (hugo is not null)
        {
            Runs(IncrementalRow.HugoClean, _ => hugo(output + "-hugo"), deleted: output + "-hugo");
            Setup.DeleteDirectory(output + "-hugo");
        }
        Runs(IncrementalRow.Clean, _ => Command("--no-cache"), deleted: output);
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
