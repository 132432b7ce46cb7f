using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Site.Benchmarks.Corpus;

namespace Site.Benchmarks.Harness;

internal sealed record PreviewResult(int Articles, string Article, List<double> LatenciesMs, List<double> RebuildMs, double StartupMs,
    double? InitialBuildMs, long? PeakRssKb, int ExtraRebuilds)
{
    public double Median => Stats.Median(LatenciesMs);

    public double P95 => Stats.Percentile(LatenciesMs, 95);

    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(string.Create(inv, $"### Preview: save → reload event ({Articles:N0} articles, NativeAOT `site serve --port 0`)"));
        text.AppendLine();
        text.AppendLine(string.Create(inv, $"{LatenciesMs.Count} saves (one sentence appended to `{Article}`), each timed from just before the write to the arrival of the next `event: state` with a new version on `/__site/events`:"));
        text.AppendLine(string.Create(inv, $"**median {Median:0.0} ms, p95 {P95:0.0} ms** (min {LatenciesMs.Min():0.0}, max {LatenciesMs.Max():0.0})."));
        if (RebuildMs.Count > 0)
        {
            text.AppendLine(string.Create(inv, $"The server's own \"Rebuilt … in N ms\" lines: median {Stats.Median(RebuildMs):0} ms, p95 {Stats.Percentile(RebuildMs, 95):0} ms; the rest is the file watcher, its 25 ms quiet spell and the event delivery."));
        }
        text.AppendLine(string.Create(inv, $"Server start to listening: {StartupMs:0} ms{(InitialBuildMs is { } b ? $" (initial build {b:0} ms)" : "")}; server peak RSS {(PeakRssKb is { } kb ? (kb / 1024.0).ToString("0", inv) + " MB" : "n/a")}; extra rebuilds without a save: {ExtraRebuilds}."));
        text.AppendLine("All latencies (ms): " + string.Join(", ", LatenciesMs.Select(l => l.ToString("0", inv))));
        return text.ToString();
    }
}

/// <summary>
/// The preview's save-to-reload latency (issue 4): runs <c>site serve</c> on a generated site, listens to
/// its Server-Sent Events like the page's script does, appends a sentence to one article, and times
/// the arrival of the <c>event: state</c> message with a new version (the one that reloads the page).
/// </summary>
internal static partial class PreviewLatency
{
    private const int WarmupEdits = 2;

    public static async Task<PreviewResult> RunAsync(Setup setup, string corpusContent, string templates, int edits, int articles, Func<double> quiet)
    {
        var root = Path.Combine(setup.Work, "preview");
        Setup.DeleteDirectory(root);
        var content = Path.Combine(root, "content");
        var templatesCopy = Path.Combine(root, "templates");
        Setup.CopyDirectory(corpusContent, content);
        Setup.CopyDirectory(templates, templatesCopy);
        var files = Directory.GetFiles(content, "*.md").Order(StringComparer.Ordinal).ToArray();
        var article = files[files.Length / 2];
        Console.WriteLine($"\n== Preview latency: {articles} articles, {edits} timed saves (after {WarmupEdits} untimed) to {Path.GetFileName(article)} ==");

        var start = new ProcessStartInfo(setup.AotSite)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in new[] { "serve", "--port", "0", "--content", content, "--templates", templatesCopy })
        {
            start.ArgumentList.Add(arg);
        }
        using var server = new Process { StartInfo = start };
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new List<string>();
        var rebuilds = Channel.CreateUnbounded<double>();
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (log)
            {
                log.Add(e.Data);
            }
            if (ServingLine().Match(e.Data) is { Success: true } m)
            {
                listening.TrySetResult(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        server.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (log)
            {
                log.Add(e.Data);
            }
            if (RebuiltLine().Match(e.Data) is { Success: true } m)
            {
                rebuilds.Writer.TryWrite(double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };
        var clock = Stopwatch.StartNew();
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        long? peakRss = null;
        try
        {
            var ready = await Task.WhenAny(listening.Task, server.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
            if (ready != listening.Task)
            {
                throw new InvalidOperationException("site serve did not start listening:\n" + string.Join('\n', Snapshot(log)));
            }
            var port = listening.Task.Result;
            var startupMs = clock.Elapsed.TotalMilliseconds;
            double? initialBuild = rebuilds.Reader.TryRead(out var first) ? first : null;
            Console.WriteLine($"  listening on port {port} after {startupMs:0} ms (initial build {initialBuild:0} ms)");

            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var stop = new CancellationTokenSource();
            using var response = await http.GetAsync($"http://127.0.0.1:{port}/__site/events", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var events = Channel.CreateUnbounded<(long Timestamp, int Version, bool Ok)>();
            var reader = ReadEventsAsync(await response.Content.ReadAsStreamAsync(), events.Writer, stop.Token);

            var initial = await NextEvent(events.Reader, TimeSpan.FromSeconds(30)) ?? throw new InvalidOperationException("no initial state event on /__site/events");
            var version = initial.Version;
            var latencies = new List<double>();
            var rebuildTimes = new List<double>();
            var extra = 0;
            var rng = Prng.For(CorpusGenerator.DefaultSeed, 1_000_000);
            var prose = new Prose(rng, Prose.NewFocus(rng));
            for (var edit = 0; edit < WarmupEdits + edits; edit++)
            {
                // Let the previous save settle, and count any rebuild nobody asked for.
                await Task.Delay(300);
                quiet();
                while (events.Reader.TryRead(out var late))
                {
                    extra++;
                    version = Math.Max(version, late.Version);
                }
                while (rebuilds.Reader.TryRead(out _))
                {
                }
                var sentence = prose.Fill(rng.Pick(Vocabulary.Sentences));
                var t0 = Stopwatch.GetTimestamp();
                await File.AppendAllTextAsync(article, "\n" + sentence + "\n");
                (long Timestamp, int Version, bool Ok)? next;
                do
                {
                    next = await NextEvent(events.Reader, TimeSpan.FromSeconds(30));
                }
                while (next is { } n && n.Version <= version && n.Ok);
                if (next is not { } arrived)
                {
                    throw new InvalidOperationException($"no reload event within 30 s of save {edit + 1}:\n" + string.Join('\n', Snapshot(log).TakeLast(20)));
                }
                if (!arrived.Ok)
                {
                    throw new InvalidOperationException($"the rebuild after save {edit + 1} failed:\n" + string.Join('\n', Snapshot(log).TakeLast(20)));
                }
                var ms = Stopwatch.GetElapsedTime(t0, arrived.Timestamp).TotalMilliseconds;
                version = arrived.Version;
                if (edit >= WarmupEdits)
                {
                    latencies.Add(ms);
                    if (rebuilds.Reader.TryRead(out var rebuildMs))
                    {
                        rebuildTimes.Add(rebuildMs);
                    }
                    Console.WriteLine($"  save {edit - WarmupEdits + 1,2}/{edits}: {ms,6:0.0} ms");
                }
            }
            peakRss = PeakRss(server.Id);
            await stop.CancelAsync();
            response.Dispose();
            try
            {
                await reader;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or HttpRequestException)
            {
                // The stream ends when we stop reading.
            }
            var result = new PreviewResult(articles, Path.GetFileName(article), latencies, rebuildTimes, startupMs, initialBuild, peakRss, extra);
            Console.WriteLine($"  median {result.Median:0.0} ms, p95 {result.P95:0.0} ms");
            return result;
        }
        finally
        {
            await StopAsync(server);
            Setup.DeleteDirectory(root);
        }
    }

    private static async Task<(long Timestamp, int Version, bool Ok)?> NextEvent(ChannelReader<(long, int, bool)> reader, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Parses the SSE stream; each complete <c>state</c> event is stamped on arrival.</summary>
    private static async Task ReadEventsAsync(Stream stream, ChannelWriter<(long, int, bool)> events, CancellationToken stop)
    {
        using var lines = new StreamReader(stream, Encoding.UTF8);
        string? type = null;
        var data = new StringBuilder();
        while (await lines.ReadLineAsync(stop) is { } line)
        {
            if (line.Length == 0)
            {
                if (type == "state" && data.Length > 0)
                {
                    var now = Stopwatch.GetTimestamp();
                    using var json = JsonDocument.Parse(data.ToString());
                    events.TryWrite((now, json.RootElement.GetProperty("version").GetInt32(), json.RootElement.GetProperty("ok").GetBoolean()));
                }
                type = null;
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                type = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan("data:".Length).TrimStart(' '));
            }
        }
    }

    /// <summary>Ctrl+C (SIGINT), as a user would stop it; killed if it has not exited after 10 s.</summary>
    private static async Task StopAsync(Process server)
    {
        if (server.HasExited)
        {
            return;
        }
        ProcessRunner.Run("kill", ["-INT", server.Id.ToString(CultureInfo.InvariantCulture)]);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await server.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("  site serve did not stop on SIGINT within 10 s; killing it");
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    private static long? PeakRss(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static List<string> Snapshot(List<string> log)
    {
        lock (log)
        {
            return [.. log];
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:(\d+)/")]
    private static partial Regex ServingLine();

    [GeneratedRegex(@"^Rebuilt: .* in (\d+) ms\.")]
    private static partial Regex RebuiltLine();
}
