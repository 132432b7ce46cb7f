using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Site.Benchmarks.Corpus;

namespace Site.Benchmarks.Harness;

/// <summary>A build configuration under test: how to build a corpus of a given size into an output folder.</summary>
internal sealed record BuildConfig(string Key, string Label, Func<string, string, List<string>> Command, bool IsHugo = false);

internal sealed record BuildResultRow(int Size, BuildConfig Config, List<Sample> Samples)
{
    public double Wall => Stats.Median(Samples.Select(s => s.WallSeconds));

    public double Cpu => Stats.Median(Samples.Select(s => s.CpuSeconds));

    public double RssMb => Stats.Median(Samples.Select(s => s.PeakRssMb));

    public double MsPerArticle => Wall * 1000 / Size;
}

/// <summary>The whole benchmark: setup, corpora, clean builds, the sample site, preview latency, report.</summary>
internal sealed class BenchmarkRun(Options options)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly List<BuildResultRow> _rows = [];
    private readonly List<IncrementalRow> _incremental = [];
    private readonly List<ListingsRow> _listings = [];
    private readonly Dictionary<int, string> _corpora = [];
    private readonly List<string> _notes = [];
    private Sample[]? _sample;
    private Sample[]? _sampleHugo;
    private PreviewResult? _preview;
    private readonly List<WorstCaseResult> _worst = [];
    private Setup _setup = null!;
    private string _templates = "";
    private string _outputRoot = "";
    private string _loadBefore = "";
    private int _discarded;

    public async Task<int> RunAsync(bool preview, bool builds, bool worst)
    {
        var repo = Setup.FindRepo();
        Setup.CheckWork(repo, options.Work);
        Setup.CheckGnuTime();
        Directory.CreateDirectory(options.Work);
        _setup = new Setup(repo, options.Work);
        _outputRoot = options.OutputRoot ?? DefaultOutputRoot(options.Work);
        Setup.CheckWork(repo, _outputRoot);
        Directory.CreateDirectory(_outputRoot);
        _loadBefore = Machine.LoadAverage();

        var configs = options.Configs.ToList();
        var hugo = ProcessRunner.FindOnPath("hugo");
        if (configs.Contains("hugo") && hugo is null)
        {
            configs.Remove("hugo");
            var note = "Hugo is not on PATH, so there are no Hugo figures or ratios. Install it (Debian: `sudo apt-get install -y hugo`, which gives 0.111) and run again.";
            _notes.Add(note);
            Console.WriteLine("note: " + note);
        }
        var needed = builds ? configs.Where(c => c != "hugo").ToList() : [];
        if (preview || worst || (builds && !options.NoSample))
        {
            needed.Add("aot");
        }

        Console.WriteLine($"Repository: {repo}\nWork folder: {options.Work}\nBuild output: {_outputRoot}\nLoad average: {_loadBefore}\nPublishing:");
        _setup.Publish(needed.Distinct().ToList(), options.ReuseBinaries);
        _templates = _setup.SnapshotTemplates();

        var hugoOnDisk = builds ? BenchmarkBuilds(repo, configs, hugo) : null;
        if (worst)
        {
            BenchmarkWorstCases(repo);
        }
        if (preview)
        {
            var corpus = Corpus(options.PreviewSize);
            _preview = await PreviewLatency.RunAsync(_setup, Path.Combine(corpus, "site", "content"), _templates, options.Edits, options.PreviewSize, Quiet);
        }
        // Last: gigabytes written to and deleted from a disk leave it busy for a while, which would slow what follows.
        var disk = options.DiskRoot ?? Path.Combine(options.Work, "out-disk");
        if (builds && !options.NoIncremental && configs.Contains("aot") && !options.NoDisk && StorageOf(disk) != StorageOf(_outputRoot))
        {
            BenchmarkIncremental(disk, hugoOnDisk);
        }

        SaveReport(Report(hugo));
        return 0;
    }

    /// <summary>Prints the report and keeps it in WORK/results.</summary>
    private void SaveReport(string report)
    {
        var results = Path.Combine(options.Work, "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, $"bench-{DateTime.Now:yyyyMMdd-HHmmss}.md");
        File.WriteAllText(file, report);
        Console.WriteLine();
        Console.WriteLine(report);
        Console.WriteLine($"(Report saved to {file})");
    }

    /// <summary>Clean builds of every size and configuration, the incremental builds on the output root, tags and
    /// pagination, the sample site.</summary>
    /// <returns>Hugo's configuration, for the incremental builds' disk pass; null without Hugo.</returns>
    private BuildConfig? BenchmarkBuilds(string repo, List<string> configs, string? hugo)
    {
        var all = new List<BuildConfig>
        {
            // --no-cache: a clean build renders everything (and writes the cache, as a first build does).
            new("aot", "Site NativeAOT", (content, output) => [_setup.AotSite, "build", "--content", content, "--templates", _templates, "--output", output, "--strict", "--no-cache"]),
            new("jit", "Site framework-dependent (JIT)", (content, output) => ["dotnet", _setup.JitSite, "build", "--content", content, "--templates", _templates, "--output", output, "--strict", "--no-cache"]),
            new("floor", "Floor (bare Markdig, NativeAOT)", (content, output) => [_setup.Floor, content, output]),
            new("hugo", "Hugo", (hugoDir, output) => [hugo!, "--source", hugoDir, "--destination", output, "--quiet"], IsHugo: true),
        };
        var selected = all.Where(c => configs.Contains(c.Key)).ToList();
        foreach (var size in options.Sizes)
        {
            BenchmarkSize(size, selected);
        }
        if (!options.NoIncremental && configs.Contains("aot"))
        {
            BenchmarkIncremental(_outputRoot, null);
        }
        if (!options.NoListings && configs.Contains("aot"))
        {
            var listings = new ListingsBenchmark(options, _setup, _templates, _outputRoot,
                (command, output, label) => Timed(() => command, output, TimeSpan.FromMinutes(10), label));
            _listings.AddRange(listings.Run(options.Sizes.Max(), Corpus(options.Sizes.Max())));
        }
        if (!options.NoSample)
        {
            BenchmarkSample(repo, configs.Contains("hugo") ? hugo : null);
        }
        return configs.Contains("hugo") ? all.First(c => c.IsHugo) : null;
    }

    /// <summary>The incremental builds with their output under <paramref name="root"/>, every size.</summary>
    /// <param name="hugo">Hugo's clean build, timed again beside them: on a disk, where the clean builds did not run
    /// (issue 16: tmpfs and disk, one session); null on the output root, where they did.</param>
    private void BenchmarkIncremental(string root, BuildConfig? hugo)
    {
        var incremental = new IncrementalBenchmark(options, _setup, _templates,
            (command, folder, output, label) => Timed(() => command, output, TimeSpan.FromMinutes(10), label, folder));
        foreach (var size in options.Sizes)
        {
            var corpus = Corpus(size);
            Func<string, List<string>>? hugoBuild = hugo is null ? null : output => hugo.Command(Path.Combine(corpus, "hugo"), output);
            _incremental.AddRange(incremental.Run(size, corpus, root, StorageOf(root), hugoBuild));
        }
    }

    /// <summary>"tmpfs", or "disk (ext4)": the file system a folder is on.</summary>
    private static string StorageOf(string folder)
    {
        Directory.CreateDirectory(folder);
        var format = new DriveInfo(folder).DriveFormat;
        return format == "tmpfs" ? format : $"disk ({format})";
    }

    private string Corpus(int size)
    {
        var dir = Path.Combine(options.Work, "corpus", size.ToString(Inv));
        if (CorpusGenerator.IsCurrent(dir, size, options.Seed))
        {
            _corpora[size] = File.ReadLines(Path.Combine(dir, "corpus.txt")).Skip(1).FirstOrDefault() ?? "";
            return dir;
        }
        Console.WriteLine($"Generating the {size}-article corpus in {dir} …");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _corpora[size] = CorpusGenerator.Generate(size, dir, options.Seed).ToString();
        Console.WriteLine($"  {clock.Elapsed.TotalSeconds:0.0} s: {_corpora[size]}");
        return dir;
    }

    private void BenchmarkSize(int size, List<BuildConfig> configs)
    {
        var corpus = Corpus(size);
        var content = Path.Combine(corpus, "site", "content");
        var hugoDir = Path.Combine(corpus, "hugo");
        var timeout = TimeSpan.FromMinutes(10);
        Console.WriteLine($"\n== {size} articles: {options.Runs} timed run(s) per configuration, after one untimed warm-up run ==");
        var samples = configs.ToDictionary(c => c.Key, _ => new List<Sample>());
        string Output(BuildConfig c) => Path.Combine(_outputRoot, $"{c.Key}-{size}");
        List<string> Command(BuildConfig c) => c.Command(c.IsHugo ? hugoDir : content, Output(c));

        foreach (var config in configs)
        {
            Clean(Output(config));
            var warm = ProcessRunner.Measure(Command(config), options.Work, timeout);
            var problem = Validate(config, warm, Output(config), size);
            var summary = warm.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            Console.WriteLine($"  warm-up {config.Label,-32} {warm.WallSeconds,7:0.000} s  {summary}");
            if (problem is not null)
            {
                throw new InvalidOperationException($"{config.Label} on {size} articles: {problem}\n{warm.Output}");
            }
        }
        for (var run = 0; run < options.Runs; run++)
        {
            // Rotate the order each run, so no configuration always follows the same one.
            for (var k = 0; k < configs.Count; k++)
            {
                var config = configs[(run + k) % configs.Count];
                var sample = Timed(() => Command(config), Output(config), timeout, $"run {run + 1}/{options.Runs} {config.Label,-32}");
                if (sample.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{config.Label} on {size} articles failed (exit {sample.ExitCode}):\n{sample.Output}");
                }
                samples[config.Key].Add(sample);
            }
        }
        foreach (var config in configs)
        {
            _rows.Add(new BuildResultRow(size, config, samples[config.Key]));
            Clean(Output(config));
        }
    }

    /// <summary>The sample site, start to exit, and with Hugo its twin: the same article files (Site's note syntax
    /// is plain Markdown to Hugo) under the corpus's minimal Hugo theme, runs interleaved.</summary>
    private void BenchmarkSample(string repo, string? hugo)
    {
        var output = Path.Combine(_outputRoot, "sample");
        var hugoOutput = Path.Combine(_outputRoot, "sample-hugo");
        List<string> command = [_setup.AotSite, "build", "--content", Path.Combine(repo, "content"), "--templates", Path.Combine(repo, "templates"), "--output", output, "--strict", "--quiet"];
        List<string>? twin = hugo is null ? null : [hugo, "--source", SampleTwin(repo), "--destination", hugoOutput, "--quiet", "--buildFuture"];
        Console.WriteLine($"\n== Sample site (repository content/ and templates/), NativeAOT{(twin is null ? "" : " and its Hugo twin")}: {options.SampleRuns} runs after 2 warm-ups ==");
        var samples = new List<Sample>();
        var hugoSamples = new List<Sample>();
        for (var run = -2; run < options.SampleRuns; run++)
        {
            var sample = TimedOrThrow(command, output, "the sample site");
            var hugoSample = twin is null ? null : TimedOrThrow(twin, hugoOutput, "the sample's Hugo twin");
            if (run >= 0)
            {
                samples.Add(sample);
                if (hugoSample is not null)
                {
                    hugoSamples.Add(hugoSample);
                }
            }
        }
        Clean(output);
        Clean(hugoOutput);
        _sample = [.. samples];
        _sampleHugo = [.. hugoSamples];
        Console.WriteLine($"  median wall {Stats.Median(samples.Select(s => s.WallSeconds)) * 1000:0.0} ms" +
            (hugoSamples.Count > 0 ? $", Hugo twin {Stats.Median(hugoSamples.Select(s => s.WallSeconds)) * 1000:0.0} ms" : ""));

        Sample TimedOrThrow(List<string> run, string into, string what)
        {
            var sample = Timed(() => run, into, TimeSpan.FromMinutes(2), null);
            return sample.ExitCode == 0 ? sample : throw new InvalidOperationException($"{what} did not build (exit {sample.ExitCode}):\n{sample.Output}");
        }
    }

    /// <summary>The Hugo twin of the sample site, written afresh: every article and page of content/ as it is
    /// (Hugo reads the same YAML front matter and ignores the keys it does not know).</summary>
    private string SampleTwin(string repo)
    {
        var dir = Path.Combine(options.Work, "sample-hugo");
        Setup.DeleteDirectory(dir);
        CorpusGenerator.WriteHugoSite(dir);
        var content = Path.Combine(repo, "content");
        foreach (var file in Directory.EnumerateFiles(content, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, "content", Path.GetRelativePath(content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return dir;
    }

    /// <summary>Each worst-case input as the one article of a site: the pathological ones --worst-runs times,
    /// each fuzz regression and document once. A build must end as the input requires, never crash.</summary>
    private void BenchmarkWorstCases(string repo)
    {
        var cases = WorstCases.All(repo, options.FuzzDocuments).ToList();
        Console.WriteLine($"\n== Worst-case inputs: {cases.Count} one-article sites, NativeAOT, real templates ==");
        var content = Path.Combine(options.Work, "worst", "content");
        var output = Path.Combine(_outputRoot, "worst");
        foreach (var worst in cases)
        {
            Setup.DeleteDirectory(content);
            Directory.CreateDirectory(content);
            File.WriteAllText(Path.Combine(content, "site.yml"), "title: Worst cases\n");
            File.WriteAllBytes(Path.Combine(content, "worst.md"), worst.File());
            List<string> command = [_setup.AotSite, "build", "--content", content, "--templates", _templates, "--output", output, "--quiet"];
            var samples = new List<Sample>();
            for (var run = 0; run < (worst.Group == WorstCases.Pathological ? options.WorstRuns : 1); run++)
            {
                var sample = Timed(() => command, output, TimeSpan.FromMinutes(5), null);
                if (sample.ExitCode is not (0 or 1) || (worst.ExitCode is { } expected && sample.ExitCode != expected))
                {
                    var tail = sample.Output.Length > 2000 ? sample.Output[..2000] + "…" : sample.Output;
                    throw new InvalidOperationException($"worst case '{worst.Name}' ({worst.Group}) ended with exit code {sample.ExitCode}, expected {worst.ExitCode?.ToString(Inv) ?? "0 or 1"}:\n{tail}");
                }
                samples.Add(sample);
            }
            var result = new WorstCaseResult(worst, samples);
            _worst.Add(result);
            if (worst.Group != WorstCases.Fuzzed)
            {
                Console.WriteLine($"  {worst.Name,-45} exit {samples[0].ExitCode}  median wall {result.Wall,7:0.000} s");
            }
        }
        var fuzzed = _worst.Where(w => w.Case.Group == WorstCases.Fuzzed).ToList();
        if (fuzzed.Count > 0)
        {
            Console.WriteLine($"  {fuzzed.Count} fuzz documents: median wall {Stats.Median(fuzzed.Select(w => w.Wall)):0.000} s, slowest {fuzzed.Max(w => w.Wall):0.000} s");
        }
        Clean(output);
    }

    /// <summary>The slowest build of each group of worst cases, against the target.</summary>
    private void ReportWorstCases(StringBuilder text)
    {
        foreach (var group in _worst.GroupBy(w => w.Case.Group))
        {
            var slowest = group.MaxBy(w => w.Wall)!;
            text.AppendLine($"| Worst-case inputs, {group.Key} ({group.Count()}; issue 11): slowest build, start to exit | {slowest.Wall:0.000} s ({slowest.Case.Name}) | ≤ {WorstCases.TargetSeconds:0} s each | {(slowest.Wall <= WorstCases.TargetSeconds ? "yes" : "no")} |");
        }
    }

    /// <summary>A timed run on a quiet machine: waits for other processes to calm down, runs, and runs
    /// again (up to --retries times) when other processes took more than the busy threshold meanwhile.</summary>
    /// <param name="output">Deleted before each run; null to keep it (an incremental build).</param>
    /// <param name="workingDirectory">Where the command runs (its .site-cache/ is there); default the work folder.</param>
    private Sample Timed(Func<List<string>> command, string? output, TimeSpan timeout, string? label, string? workingDirectory = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (output is not null)
            {
                Clean(output);
            }
            var busy = Quiet();
            var sample = ProcessRunner.Measure(command(), workingDirectory ?? options.Work, timeout) with { BusyBefore = busy };
            var disturbed = sample.OthersDuring > options.BusyThreshold && sample.WallSeconds * Environment.ProcessorCount * sample.OthersDuring > 0.03;
            if (disturbed && attempt < options.Retries && sample.ExitCode == 0)
            {
                _discarded++;
                Console.WriteLine($"    discarded a run: other processes used {sample.OthersDuring:P0} of the CPUs during it (wall {sample.WallSeconds:0.000} s); again");
                continue;
            }
            if (label is not null)
            {
                Console.WriteLine($"  {label} wall {sample.WallSeconds,7:0.000} s  cpu {sample.CpuSeconds,7:0.00} s  rss {sample.PeakRssMb,7:0} MB  (others: {busy:P0} before, {sample.OthersDuring:P0} during{(disturbed ? ", kept after retries" : "")})");
            }
            return sample;
        }
    }

    private double Quiet() => Machine.WaitUntilQuiet(options.BusyThreshold, TimeSpan.FromSeconds(options.MaxWaitSeconds));

    /// <summary>A tmpfs when there is one with room: see README.md ("Where builds write").</summary>
    private static string DefaultOutputRoot(string work)
    {
        const string shm = "/dev/shm";
        try
        {
            if (Directory.Exists(shm) && new DriveInfo(shm) is { IsReady: true, AvailableFreeSpace: > 6L << 30 } drive && drive.DriveFormat == "tmpfs")
            {
                return Path.Combine(shm, "site-bench-out");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
        }
        return Path.Combine(work, "out");
    }

    private static string? Validate(BuildConfig config, Sample sample, string output, int size)
    {
        if (sample.ExitCode != 0)
        {
            return $"exit code {sample.ExitCode}" + (config.Key is "aot" or "jit" ? " (the corpus must build with no errors and no warnings: --strict)" : "");
        }
        // The default theme's listings (tags, archive, fact-checks, the index's further pages) are folders with a page too.
        string[] listings = ["tags", "archive", "fact-checks", "page"];
        var pages = Directory.Exists(output)
            ? Directory.EnumerateDirectories(output).Count(d => !listings.Contains(Path.GetFileName(d)) && File.Exists(Path.Combine(d, "index.html")))
            : 0;
        return pages == size ? null : $"expected {size} article pages in {output}, found {pages}";
    }

    /// <summary>Removes the previous run's output and flushes dirty pages, so every timed run is a clean
    /// build that does not pay for the previous run's writeback.</summary>
    private static void Clean(string output)
    {
        Setup.DeleteDirectory(output);
        ProcessRunner.Run("sync", []);
    }

    private string Report(string? hugoPath)
    {
        var text = new StringBuilder();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", Inv);
        text.AppendLine($"## Site benchmark, {now}");
        text.AppendLine();
        text.AppendLine($"- Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {MemoryGb():0} GB RAM, {RuntimeInformation.OSDescription}");
        text.AppendLine($"- .NET SDK {Tool("dotnet", "--version")}; Hugo: {(hugoPath is null ? "not installed" : Tool(hugoPath, "version"))}");
        text.AppendLine($"- Site: commit {Tool("git", "-C", _setup.Repo, "rev-parse", "--short", "HEAD")}, {UncommittedChanges()} uncommitted change(s) in the working tree");
        foreach (var (size, stats) in _corpora.OrderBy(c => c.Key))
        {
            text.AppendLine($"- Corpus n={size}: {stats}");
        }
        text.AppendLine($"- Method: each figure is the median of {options.Runs} clean builds (output deleted and `sync`ed before each, untimed), after one untimed warm-up per configuration; runs interleave the configurations. Wall time is process start to exit; CPU (user+sys) and peak RSS come from GNU time. Site runs with `--strict`, so every build had 0 errors and 0 warnings.");
        text.AppendLine($"- Builds read the corpus from {options.Work}/corpus (page-cached after the warm-up) and write to {_outputRoot}{(_outputRoot.StartsWith("/dev/shm", StringComparison.Ordinal) ? " (tmpfs)" : "")}.");
        var busy = _rows.SelectMany(r => r.Samples).Concat(_sample ?? []).Select(s => s.BusyBefore).Where(b => !double.IsNaN(b)).ToList();
        if (busy.Count > 0)
        {
            var during = _rows.SelectMany(r => r.Samples).Concat(_sample ?? []).Select(s => s.OthersDuring).Where(b => !double.IsNaN(b)).ToList();
            text.AppendLine($"- Other load: load average {_loadBefore} at the start, {Machine.LoadAverage()} at the end. Before each timed run the harness waited for other processes to use ≤ {options.BusyThreshold:P0} of the CPUs (up to {options.MaxWaitSeconds} s; measured median {Stats.Median(busy):P0}, max {busy.Max():P0}), and ran again when they used more during the run ({_discarded} run(s) discarded; in the runs kept, others used median {Stats.Median(during):P0}, max {during.Max():P0} of the CPUs).");
        }
        foreach (var note in _notes)
        {
            text.AppendLine($"- Note: {note}");
        }
        text.AppendLine();

        if (_rows.Count > 0)
        {
            text.AppendLine("| Articles | Configuration | Wall (s) | CPU user+sys (s) | Peak RSS (MB) | ms/article | Wall min–max (s) |");
            text.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
            foreach (var row in _rows)
            {
                var walls = row.Samples.Select(s => s.WallSeconds).ToList();
                text.AppendLine($"| {row.Size:N0} | {row.Config.Label} | {row.Wall:0.000} | {row.Cpu:0.00} | {row.RssMb:0} | {row.MsPerArticle:0.000} | {walls.Min():0.000}–{walls.Max():0.000} |");
            }
            text.AppendLine();
        }

        text.AppendLine("### Targets (issue 6; NativeAOT binary, medians)");
        text.AppendLine();
        text.AppendLine("| Target | Measured | Goal | Met |");
        text.AppendLine("|---|---:|---:|:---:|");
        BuildResultRow? Row(int size, string key) => _rows.FirstOrDefault(r => r.Size == size && r.Config.Key == key);
        void Ratio(string label, double? value, double goal, string unit = "×")
        {
            if (value is { } v && !double.IsNaN(v))
            {
                text.AppendLine($"| {label} | {v:0.00}{unit} | ≤ {goal:0.##}{unit} | {(v <= goal ? "yes" : $"no ({v / goal:0.0}× over)")} |");
            }
            else
            {
                text.AppendLine($"| {label} | n/a | ≤ {goal:0.##}{unit} | – |");
            }
        }
        double? Div(BuildResultRow? a, BuildResultRow? b, Func<BuildResultRow, double> f) => a is null || b is null ? null : f(a) / f(b);
        Ratio("10,000: wall, AOT / Hugo", Div(Row(10000, "aot"), Row(10000, "hugo"), r => r.Wall), 0.5);
        Ratio("10,000: peak RSS, AOT / Hugo", Div(Row(10000, "aot"), Row(10000, "hugo"), r => r.RssMb), 0.1);
        Ratio("10,000: wall, AOT / floor", Div(Row(10000, "aot"), Row(10000, "floor"), r => r.Wall), 1.3);
        Ratio("1,000: wall, AOT / Hugo", Div(Row(1000, "aot"), Row(1000, "hugo"), r => r.Wall), 0.5);
        var growth = Div(Row(10000, "aot"), Row(1000, "aot"), r => r.MsPerArticle);
        if (growth is { } g)
        {
            var pct = (g - 1) * 100;
            text.AppendLine($"| Time per article, 1,000 → 10,000 | {pct:+0;-0}% ({Row(1000, "aot")!.MsPerArticle:0.000} → {Row(10000, "aot")!.MsPerArticle:0.000} ms) | ≤ +20% | {(pct <= 20 ? "yes" : "no")} |");
        }
        else
        {
            text.AppendLine("| Time per article, 1,000 → 10,000 | n/a | ≤ +20% | – |");
        }
        if (_sample is { Length: > 0 } sample)
        {
            var ms = Stats.Median(sample.Select(s => s.WallSeconds)) * 1000;
            text.AppendLine($"| Sample site (content/, 1 article), start to exit | {ms:0.0} ms (CPU {Stats.Median(sample.Select(s => s.CpuSeconds)) * 1000:0} ms, RSS {Stats.Median(sample.Select(s => s.PeakRssMb)):0} MB, p95 {Stats.Percentile(sample.Select(s => s.WallSeconds), 95) * 1000:0.0} ms) | ≤ 60 ms | {(ms <= 60 ? "yes" : "no")} |");
            if (_sampleHugo is { Length: > 0 } twin)
            {
                var ratio = ms / (Stats.Median(twin.Select(s => s.WallSeconds)) * 1000);
                var cpu = Stats.Median(sample.Select(s => s.CpuSeconds)) / Stats.Median(twin.Select(s => s.CpuSeconds));
                text.AppendLine($"| Sample site, AOT / its Hugo twin (issue 16) | {ratio:0.00}× wall, {cpu:0.00}× CPU (Hugo {Stats.Median(twin.Select(s => s.WallSeconds)) * 1000:0.0} ms) | ≤ 0.3× | {(ratio <= 0.3 ? "yes" : "no")} |");
            }
        }
        if (_preview is { } p)
        {
            text.AppendLine($"| Preview save → reload event, {p.Articles:N0} articles (issue 4) | median {p.Median:0} ms, p95 {p.P95:0} ms | median ≤ 100 ms | {(p.Median <= 100 ? "yes" : "no")} |");
        }
        ReportWorstCases(text);
        text.AppendLine();
        ReportIncremental(text, size => Row(size, "hugo"));
        ReportListings(text);

        var others = new List<string>();
        void Info(string label, double? value, string format)
        {
            if (value is { } v && !double.IsNaN(v))
            {
                others.Add($"{label}: {v.ToString(format, Inv)}");
            }
        }
        foreach (var size in options.Sizes)
        {
            Info($"{size:N0}: wall AOT / Hugo", Div(Row(size, "aot"), Row(size, "hugo"), r => r.Wall), "0.00×");
            Info($"{size:N0}: peak RSS AOT / Hugo", Div(Row(size, "aot"), Row(size, "hugo"), r => r.RssMb), "0.000×");
            Info($"{size:N0}: wall AOT / floor", Div(Row(size, "aot"), Row(size, "floor"), r => r.Wall), "0.00×");
            Info($"{size:N0}: CPU AOT / floor", Div(Row(size, "aot"), Row(size, "floor"), r => r.Cpu), "0.00×");
            Info($"{size:N0}: wall JIT / AOT", Div(Row(size, "jit"), Row(size, "aot"), r => r.Wall), "0.00×");
            Info($"{size:N0}: wall floor / Hugo", Div(Row(size, "floor"), Row(size, "hugo"), r => r.Wall), "0.00×");
        }
        if (others.Count > 0)
        {
            text.AppendLine("Other ratios: " + string.Join("; ", others) + ".");
            text.AppendLine();
        }

        if (_preview is { } preview)
        {
            text.AppendLine(preview.Describe());
            text.AppendLine();
        }

        if (_rows.Count > 0 || _worst.Count > 0)
        {
            text.AppendLine("<details><summary>All timed runs (wall s / CPU s / RSS MB)</summary>");
            text.AppendLine();
            foreach (var row in _rows)
            {
                text.AppendLine($"- {row.Size:N0} {row.Config.Label}: " + string.Join(", ", row.Samples.Select(s => $"{s.WallSeconds:0.000}/{s.CpuSeconds:0.00}/{s.PeakRssMb:0}")));
            }
            if (_sample is { } all)
            {
                text.AppendLine($"- Sample site wall ms: " + string.Join(", ", all.Select(s => (s.WallSeconds * 1000).ToString("0.0", Inv))));
                if (_sampleHugo is { Length: > 0 } twin)
                {
                    text.AppendLine($"- Sample's Hugo twin wall ms: " + string.Join(", ", twin.Select(s => (s.WallSeconds * 1000).ToString("0.0", Inv))));
                }
            }
            foreach (var worst in _worst.Where(w => w.Case.Group != WorstCases.Fuzzed))
            {
                text.AppendLine($"- Worst case, {worst.Case.Group}, {worst.Case.Name} (exit {worst.Samples[0].ExitCode}) wall s: " + string.Join(", ", worst.Samples.Select(s => s.WallSeconds.ToString("0.000", Inv))));
            }
            text.AppendLine();
            text.AppendLine("</details>");
        }
        return text.ToString();
    }

    /// <summary>Incremental builds against Site's clean build of the same copy on the same storage, and Hugo's
    /// clean build of the corpus: timed on the same storage when the pass did, else the clean builds' row.</summary>
    private void ReportIncremental(StringBuilder text, Func<int, BuildResultRow?> hugoRow)
    {
        if (_incremental.Count == 0)
        {
            return;
        }
        text.AppendLine("### Incremental publish builds (issue 16; NativeAOT, output and .site-cache kept between runs, medians)");
        text.AppendLine();
        text.AppendLine("| Articles | Storage | Case | Wall (s) | CPU (s) | Peak RSS (MB) | Wall / Site clean | Wall / Hugo clean |");
        text.AppendLine("|---:|---|---|---:|---:|---:|---:|---:|");
        double? Hugo(IncrementalRow row) =>
            _incremental.FirstOrDefault(r => r.Size == row.Size && r.Storage == row.Storage && r.Case == IncrementalRow.HugoClean)?.Wall
            ?? hugoRow(row.Size)?.Wall;
        IncrementalRow Clean(IncrementalRow row) => _incremental.First(r => r.Size == row.Size && r.Storage == row.Storage && r.Case == IncrementalRow.Clean);
        foreach (var row in _incremental)
        {
            var vsHugo = Hugo(row) is { } h ? (row.Wall / h).ToString("0.000×", Inv) : "n/a";
            text.AppendLine($"| {row.Size:N0} | {row.Storage} | {row.Case} | {row.Wall:0.000} | {row.Cpu:0.00} | {row.RssMb:0} | {row.Wall / Clean(row).Wall:0.000×} | {vsHugo} |");
        }
        text.AppendLine();
        foreach (var one in _incremental.Where(r => r.Size >= 1000 && r.Case == IncrementalRow.OneArticle))
        {
            var share = one.Wall / Clean(one).Wall;
            text.AppendLine($"- {one.Size:N0} on {one.Storage}: one article changed takes {share:P1} of a clean build's wall time (goal at 10,000: ≤ 3%){(Hugo(one) is { } h ? $" and {one.Wall / h:0.000}× Hugo's clean build (goal ≤ 0.02×)" : "")}.");
        }
        text.AppendLine();
    }

    /// <summary>Tag pages and pagination against the same corpus built without them.</summary>
    private void ReportListings(StringBuilder text)
    {
        if (_listings.Count == 0)
        {
            return;
        }
        text.AppendLine("### Tag pages and pagination (issue 15; NativeAOT clean builds, medians)");
        text.AppendLine();
        text.AppendLine("| Articles | Site built with | Wall (s) | CPU (s) | Peak RSS (MB) | Wall / without | CPU / without |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        var bare = _listings.First(r => r.Variant == ListingsRow.Bare);
        foreach (var row in _listings)
        {
            text.AppendLine($"| {row.Size:N0} | {row.Variant} | {row.Wall:0.000} | {row.Cpu:0.00} | {row.RssMb:0} | {row.Wall / bare.Wall:0.000×} | {row.Cpu / bare.Cpu:0.000×} |");
        }
        text.AppendLine();
        var paginated = _listings.First(r => r.Variant == ListingsRow.Paginated);
        text.AppendLine($"- {bare.Size:N0}: tags and pagination cost {paginated.Wall / bare.Wall - 1:P1} of wall time over the build without them (goal ≤ 10%).");
        text.AppendLine();
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static double MemoryGb()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) : null;
        return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) / 1024.0 / 1024.0;
    }

    private static string Tool(string file, params string[] args)
    {
        try
        {
            var (exit, output, _) = ProcessRunner.Run(file, args, timeout: TimeSpan.FromSeconds(30));
            return exit == 0 ? output.Trim().Split('\n')[0].Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private int UncommittedChanges()
    {
        try
        {
            var (exit, output, _) = ProcessRunner.Run("git", ["-C", _setup.Repo, "status", "--porcelain"], timeout: TimeSpan.FromSeconds(30));
            return exit == 0 ? output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length : -1;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
