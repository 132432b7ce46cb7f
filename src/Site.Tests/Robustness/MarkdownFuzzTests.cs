using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Site.Tests.Robustness.Fuzz;
using Site.Tests.Support;

namespace Site.Tests.Robustness;

/// <summary>
/// Fuzzing (issue 7): articles written by <see cref="MarkdownGrammar"/> and the sample article cut and
/// corrupted by <see cref="Mutator"/>, each rendered in process and checked by <see cref="FuzzTarget"/>:
/// it returns (a case still running after a minute is saved and reported as a hang), throws nothing,
/// publishes only without errors, writes well-formed HTML whose note
/// references all reach a note, and never shows a literal "[^". A failure is shrunk and saved under
/// Robustness/Regressions/, which <see cref="Saved_regressions_pass"/> replays on every run.
/// Runs are deterministic: SITE_FUZZ_SEED and SITE_FUZZ_CASES choose another seed or more cases.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class MarkdownFuzzTests
{
    private const int DefaultCases = 20_000;

    private static string RegressionFolder => Path.Combine(RepoRoot.Find(), "src", "Site.Tests", "Robustness", "Regressions");

    /// <summary>A document that has not returned after this long is reported as hung. How fast documents
    /// render is a benchmark's business (src/Site.Benchmarks, worst cases), not this test's.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    [Fact(Timeout = 600_000)]
    public async Task Generated_and_mutated_articles_render_safely()
    {
        var seed = Setting("SITE_FUZZ_SEED", FuzzCase.DefaultSeed);
        var cases = Setting("SITE_FUZZ_CASES", DefaultCases);
        var target = new FuzzTarget();
        var sample = Encoding.UTF8.GetBytes(target.SampleText);
        var clock = Stopwatch.StartNew();
        var next = -1;
        var found = new List<(FuzzCase Case, FuzzFailure Failure)>();
        var workers = Math.Max(2, Environment.ProcessorCount);
        var running = new (FuzzCase? Case, long Started)[workers];
        using var stop = new CancellationTokenSource();

        void Work(int worker)
        {
            for (var i = Interlocked.Increment(ref next); i < cases && !stop.IsCancellationRequested; i = Interlocked.Increment(ref next))
            {
                var fuzz = FuzzCase.Make(seed, i, sample);
                running[worker] = (fuzz, Stopwatch.GetTimestamp());
                var failure = fuzz.Text is { } text ? target.CheckFile(text) : target.CheckFile(fuzz.Mutated!);
                running[worker] = (null, 0);
                if (failure is not null)
                {
                    lock (found)
                    {
                        found.Add((fuzz, failure));
                    }
                    stop.Cancel();
                }
            }
        }

        var tasks = Enumerable.Range(0, workers).Select(w => Task.Factory.StartNew(() => Work(w), TaskCreationOptions.LongRunning)).ToArray();
        // A watchdog, for a case that never returns: it is saved before the test gives up on it.
        var all = Task.WhenAll(tasks);
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(100, TestContext.Current.CancellationToken));
            foreach (var (fuzz, started) in running)
            {
                if (fuzz is not null && started != 0 && Stopwatch.GetElapsedTime(started) > HangLimit)
                {
                    var saved = Save("hangs", fuzz.Display);
                    Assert.Fail($"SITE_FUZZ_SEED={seed}, case {fuzz.Number} has not returned after {HangLimit.TotalSeconds} s: it hangs; saved as {saved}");
                }
            }
        }
        await all;

        if (found.OrderBy(f => f.Case.Number).FirstOrDefault() is { Case: not null } first)
        {
            var property = first.Failure.Property;
            var shrunk = Shrinker.Shrink(first.Case.Display, text => target.CheckFile(text)?.Property == property);
            var saved = Save(property, shrunk);
            Assert.Fail($"SITE_FUZZ_SEED={seed}, case {first.Case.Number}: {first.Failure}\nShrunk to {shrunk.Length} characters, saved as {saved}:\n{shrunk}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{cases} articles ({cases * 7 / 10} generated, {cases - (cases * 7 / 10)} mutated from the sample), seed {seed}, {workers} workers: all passed in {clock.Elapsed.TotalSeconds:0.0} s; {target.Tally}");
    }

    [Fact]
    public async Task Saved_regressions_pass()
    {
        var target = new FuzzTarget();
        var files = Directory.EnumerateFiles(RegressionFolder, "*.md").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var failure = await HangGuard.RunAsync(() => target.CheckFile(File.ReadAllBytes(file)), Path.GetFileName(file));
            Assert.True(failure is null, $"{Path.GetFileName(file)}: {failure}");
        }
    }

    [Fact]
    public void The_shrinker_finds_the_smallest_failing_input()
    {
        var input = "keep this line\nnoise\nmore noise\nfail: [^x here\nnoise at the end\n";

        var shrunk = Shrinker.Shrink(input, text => text.Contains("[^x", StringComparison.Ordinal));

        Assert.Equal("[^x", shrunk);
    }

    /// <summary>Saves a failing case where the replay test finds it; returns its path.</summary>
    private static string Save(string property, string text)
    {
        var name = string.Concat(property.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'))
            + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..10] + ".md";
        Directory.CreateDirectory(RegressionFolder);
        var path = Path.Combine(RegressionFolder, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
