using System.Globalization;
using Site.Benchmarks.Corpus;
using Site.Benchmarks.Harness;

namespace Site.Benchmarks;

internal static class Cli
{
    public const string Usage = """
        Site benchmarks. Run from the repository root:

          dotnet run -c Release --project src/Site.Benchmarks -- [run] [options]
              Publishes Site (NativeAOT and framework-dependent) and the floor into the work folder,
              generates the corpora, times clean builds of every size with every configuration (and
              Hugo, when it is on PATH), times the sample site, measures the preview's save-to-reload
              latency, times the worst-case inputs, and prints a Markdown report (also saved under
              WORK/results/).

          dotnet run -c Release --project src/Site.Benchmarks -- generate --count N --out DIR [--seed S]
              Writes the corpus only: DIR/site/content (Site) and DIR/hugo (Hugo).

          dotnet run -c Release --project src/Site.Benchmarks -- preview [options]
              Only the preview latency benchmark.

          dotnet run -c Release --project src/Site.Benchmarks -- worst [options]
              Only the worst-case inputs: pathological articles, fuzz regressions and fuzz documents.

          dotnet run -c Release --project src/Site.Benchmarks -- images [--runs N] [--work DIR]
              Only the image engine: a 10-megapixel JPEG resized into three widths (JPEG + WebP) with an
              empty cache and with a full one, and the JPEG decode at full and reduced scale.

        Options:
          --sizes LIST        Corpus sizes, comma-separated (default 100,1000,10000)
          --runs N            Timed runs per size and configuration; the median is reported (default 5)
          --configs LIST      Any of aot,jit,floor,hugo (default: all; hugo only when installed)
          --work DIR          Work folder for binaries, corpora, outputs and results (default /tmp/site-bench).
                              Must be outside the repository.
          --output-root DIR   Where the builds write their output (default: /dev/shm/site-bench-out when
                              /dev/shm is a tmpfs with room, else WORK/out); see README.md
          --reuse-binaries    Don't republish when WORK/bin already holds the binaries
          --busy-threshold F  Before each timed run, wait until other processes use at most this fraction
                              of the CPUs (default 0.2) ...
          --max-wait S        ... for at most S seconds (default 60), then run anyway
          --retries N         Run again, up to N times, when other processes used more than that during
                              a run (default 2)
          --no-sample         Skip the sample-site (repo content/) cold-build timing
          --sample-runs N     Runs of the sample-site build (default 20)
          --no-preview        Skip the preview latency benchmark
          --edits N           Saves timed by the preview benchmark (default 30)
          --preview-size N    Articles in the preview benchmark's site (default 1000)
          --no-incremental    Skip the incremental publish builds (clean, unchanged, one article, one template)
          --disk-root DIR     Where the incremental builds' second pass writes, on a disk (default WORK/out-disk);
                              that pass also times Hugo's clean build there
          --no-disk           Run the incremental builds on the output root only, not on a disk as well
          --no-listings       Skip the clean builds of the largest corpus without tags, with tags, and with
                              tags and pagination (issue 15)
          --no-worst          Skip the worst-case inputs
          --worst-runs N      Timed runs of each pathological article (default 3)
          --fuzz-documents N  Fuzz documents built, one run each (default 100)
          --seed S            Corpus seed (default 20260601)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var list = args.ToList();
        var command = list.Count > 0 && !list[0].StartsWith('-') ? list[0] : "run";
        if (list.Count > 0 && !list[0].StartsWith('-'))
        {
            list.RemoveAt(0);
        }
        try
        {
            var options = Options.Parse(list);
            switch (command)
            {
                case "help" or "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                case "generate":
                    if (options.Count is not { } count || options.Out is not { } outDir)
                    {
                        throw new UsageException("generate needs --count N and --out DIR");
                    }
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    var stats = CorpusGenerator.Generate(count, Path.GetFullPath(outDir), options.Seed);
                    Console.WriteLine($"Generated in {clock.Elapsed.TotalSeconds:0.0} s: {stats}");
                    return 0;
                case "run":
                    return await new BenchmarkRun(options).RunAsync(preview: !options.NoPreview, builds: true, worst: !options.NoWorst);
                case "preview":
                    return await new BenchmarkRun(options).RunAsync(preview: true, builds: false, worst: false);
                case "worst":
                    return await new BenchmarkRun(options).RunAsync(preview: false, builds: false, worst: true);
                case "images":
                    return new ImageBenchmark(options).Run();
                default:
                    throw new UsageException($"unknown command '{command}'");
            }
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"site-bench: {e.Message}");
            Console.Error.WriteLine("Run with --help for usage.");
            return 2;
        }
    }
}

internal sealed class UsageException(string message) : Exception(message);

internal sealed record Options
{
    public int[] Sizes { get; init; } = [100, 1000, 10000];

    public int Runs { get; init; } = 5;

    public string[] Configs { get; init; } = ["aot", "jit", "floor", "hugo"];

    public string Work { get; init; } = "/tmp/site-bench";

    public string? OutputRoot { get; init; }

    public bool ReuseBinaries { get; init; }

    public double BusyThreshold { get; init; } = 0.2;

    public int MaxWaitSeconds { get; init; } = 60;

    public int Retries { get; init; } = 2;

    public bool NoSample { get; init; }

    public int SampleRuns { get; init; } = 20;

    public bool NoPreview { get; init; }

    public int Edits { get; init; } = 30;

    public int PreviewSize { get; init; } = 1000;

    public bool NoIncremental { get; init; }

    public bool NoListings { get; init; }

    public string? DiskRoot { get; init; }

    public bool NoDisk { get; init; }

    public bool NoWorst { get; init; }

    public int WorstRuns { get; init; } = 3;

    public int FuzzDocuments { get; init; } = 100;

    public ulong Seed { get; init; } = CorpusGenerator.DefaultSeed;

    public int? Count { get; init; }

    public string? Out { get; init; }

    public static Options Parse(List<string> args)
    {
        var options = new Options();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"option '{arg}' needs a value");
                }
                return args[++i];
            }
            options = arg switch
            {
                "--sizes" => options with { Sizes = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => PositiveInt(arg, s.Replace("_", "", StringComparison.Ordinal)))] },
                "--runs" => options with { Runs = PositiveInt(arg, Value()) },
                "--configs" => options with { Configs = ParseConfigs(Value()) },
                "--work" => options with { Work = Path.GetFullPath(Value()) },
                "--reuse-binaries" => options with { ReuseBinaries = true },
                "--output-root" => options with { OutputRoot = Path.GetFullPath(Value()) },
                "--busy-threshold" => options with { BusyThreshold = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--max-wait" => options with { MaxWaitSeconds = PositiveInt(arg, Value()) },
                "--retries" => options with { Retries = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                "--no-sample" => options with { NoSample = true },
                "--sample-runs" => options with { SampleRuns = PositiveInt(arg, Value()) },
                "--no-preview" => options with { NoPreview = true },
                "--edits" => options with { Edits = PositiveInt(arg, Value()) },
                "--preview-size" => options with { PreviewSize = PositiveInt(arg, Value()) },
                "--no-incremental" => options with { NoIncremental = true },
                "--no-listings" => options with { NoListings = true },
                "--disk-root" => options with { DiskRoot = Path.GetFullPath(Value()) },
                "--no-disk" => options with { NoDisk = true },
                "--no-worst" => options with { NoWorst = true },
                "--worst-runs" => options with { WorstRuns = PositiveInt(arg, Value()) },
                "--fuzz-documents" => options with { FuzzDocuments = PositiveInt(arg, Value()) },
                "--seed" => options with { Seed = ulong.Parse(Value(), CultureInfo.InvariantCulture) },
                "--count" => options with { Count = PositiveInt(arg, Value()) },
                "--out" => options with { Out = Value() },
                "--help" or "-h" => throw new UsageException(Cli.Usage),
                _ => throw new UsageException($"unknown option '{arg}'"),
            };
        }
        return options;
    }

    private static int PositiveInt(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"{option} must be a positive whole number, not '{value}'");

    private static string[] ParseConfigs(string value)
    {
        var configs = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var config in configs)
        {
            if (config is not ("aot" or "jit" or "floor" or "hugo"))
            {
                throw new UsageException($"--configs takes aot, jit, floor and hugo, not '{config}'");
            }
        }
        return configs;
    }
}
