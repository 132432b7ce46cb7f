using System.Globalization;
using System.Text.RegularExpressions;

namespace Site.Benchmarks.Harness;

/// <summary>Timed clean builds of one variant of a corpus in the listings benchmark.</summary>
internal sealed record ListingsRow(int Size, string Variant, List<Sample> Samples)
{
    public const string Bare = "no tags, one index page";
    public const string Tagged = "tags (a page and a feed each), one index page";
    public const string Paginated = "tags and pagination (paginate: 20)";

    public double Wall => Stats.Median(Samples.Select(s => s.WallSeconds));

    public double Cpu => Stats.Median(Samples.Select(s => s.CpuSeconds));

    public double RssMb => Stats.Median(Samples.Select(s => s.PeakRssMb));
}

/// <summary>
/// What tag pages and pagination (issue 15) cost a clean build: the same corpus built as three sites, NativeAOT,
/// `--no-cache`, runs interleaved: with every article's tags removed and the index on one page; as generated
/// (2–4 tags each, so a page and a feed per tag); and with `paginate: 20` added to its site.yml. The archive and
/// the fact-check index are built in all three.
/// </summary>
/// <param name="timed">Runs a command quietly: (command, output to delete first, label).</param>
internal sealed partial class ListingsBenchmark(Options options, Setup setup, string templates, string outputRoot, Func<List<string>, string, string, Sample> timed)
{
    public List<ListingsRow> Run(int size, string corpus)
    {
        var folder = Path.Combine(options.Work, "listings", size.ToString(CultureInfo.InvariantCulture));
        Setup.DeleteDirectory(folder);
        var source = Path.Combine(corpus, "site", "content");
        var variants = new[] { ListingsRow.Bare, ListingsRow.Tagged, ListingsRow.Paginated };
        var contents = variants.ToDictionary(v => v, v => Path.Combine(folder, $"v{Array.IndexOf(variants, v)}", "content"));
        foreach (var variant in variants)
        {
            Setup.CopyDirectory(source, contents[variant]);
        }
        foreach (var article in Directory.EnumerateFiles(contents[ListingsRow.Bare], "*.md", SearchOption.AllDirectories))
        {
            File.WriteAllText(article, TagsLine().Replace(File.ReadAllText(article), "", 1));
        }
        File.AppendAllText(Path.Combine(contents[ListingsRow.Paginated], "site.yml"), "paginate: 20\n");
        string Output(string variant) => Path.Combine(outputRoot, $"listings-{size}-{Array.IndexOf(variants, variant)}");
        List<string> Command(string variant) =>
            [setup.AotSite, "build", "--content", contents[variant], "--templates", templates, "--output", Output(variant), "--strict", "--quiet", "--no-cache"];
        Console.WriteLine($"\n== {size} articles, clean builds without and with tag pages and pagination (NativeAOT): {options.Runs} timed run(s) each ==");

        var samples = variants.ToDictionary(v => v, _ => new List<Sample>());
        for (var run = 0; run < options.Runs; run++)
        {
            for (var k = 0; k < variants.Length; k++)
            {
                var variant = variants[(run + k) % variants.Length];
                var sample = timed(Command(variant), Output(variant), $"{variant,-48} run {run + 1}/{options.Runs}");
                if (sample.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{variant} on {size} articles failed (exit {sample.ExitCode}):\n{sample.Output}");
                }
                samples[variant].Add(sample);
            }
        }
        foreach (var variant in variants)
        {
            Setup.DeleteDirectory(Output(variant));
        }
        Setup.DeleteDirectory(folder);
        return [.. variants.Select(v => new ListingsRow(size, v, samples[v]))];
    }

    /// <summary>The corpus writes a flow list on one line of the front matter: <c>tags: [a, b]</c>.</summary>
    [GeneratedRegex(@"^tags: \[.*\]\n", RegexOptions.Multiline)]
    private static partial Regex TagsLine();
}
