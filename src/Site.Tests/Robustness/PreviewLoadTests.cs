using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Robustness;

/// <summary>
/// The preview server under load (issue 7): 100 connections on loopback send 150,000 requests or more while an
/// article is rewritten every 50 ms and the site rebuilt after each save. Every response is a whole 200,
/// and the server's memory stays bounded. The server is the real program, in a process of its own, so
/// its memory is its own.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed partial class PreviewLoadTests
{
    private const int Connections = 100;
    private const int Requests = 150_000;

    /// <summary>Rebuilds the load must overlap. On a busy machine fewer, longer rebuilds fit into the same
    /// requests, so the load goes on until this many have happened, rather than counting on the timing.</summary>
    private const int MinRebuilds = 20;

    [Fact(Timeout = 180_000)]
    public async Task Requests_on_100_connections_during_rebuilds_all_succeed_whole_in_bounded_memory()
    {
        var cancel = TestContext.Current.CancellationToken;
        using var folder = new TempDirectory();
        DirectoryTree.Replace(Path.Combine(RepoRoot.Find(), "templates"), folder.Combine("templates"));
        File.Copy(Path.Combine(RepoRoot.Find(), "content", "tokayev-january-events.md"), folder.Combine("sample.md"));
        folder.Write("content/site.yml", "title: Load test\n");
        File.Copy(folder.Combine("sample.md"), folder.Combine("content/tokayev-january-events.md"));
        // The sample article cites the sample site's shared sources and links to its timeline explainer.
        File.Copy(Path.Combine(RepoRoot.Find(), "content", "sources.yml"), folder.Combine("content/sources.yml"));
        File.Copy(Path.Combine(RepoRoot.Find(), "content", "january-2022-timeline.md"), folder.Combine("content/january-2022-timeline.md"));
        for (var i = 1; i <= 5; i++)
        {
            folder.Write($"content/short-{i}.md", Article($"Short {i}", i));
        }
        folder.Write("content/edited.md", Article("Edited", 0));

        using var server = await ServerProcess.StartAsync(folder.Combine("content"), folder.Combine("templates"));
        string[] paths =
        [
            "", "tokayev-january-events/", "edited/", "short-1/", "short-2/", "short-3/", "short-4/", "short-5/",
            "edited/annotations.json", "tokayev-january-events/annotations.json", "assets/site.css", "assets/site.js", "404.html",
        ];

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(server.Url), Timeout = TimeSpan.FromSeconds(30) };
        var failures = new ConcurrentQueue<string>();
        var sent = 0;
        var bytes = 0L;
        using var editing = new CancellationTokenSource();
        var edits = 0;

        // An author saving every 50 ms: mostly in place (the server may read a half-written file, which
        // must fail that build and keep the last good one), now and then by writing a copy and renaming it.
        var editor = Task.Run(async () =>
        {
            while (!editing.IsCancellationRequested)
            {
                edits++;
                var text = Article("Edited", edits);
                if (edits % 5 == 0)
                {
                    File.WriteAllText(folder.Combine("content/.edited.md.tmp"), text);
                    File.Move(folder.Combine("content/.edited.md.tmp"), folder.Combine("content/edited.md"), overwrite: true);
                }
                else
                {
                    File.WriteAllText(folder.Combine("content/edited.md"), text);
                }
                await Task.Delay(50, cancel);
            }
        }, cancel);

        var clock = Stopwatch.StartNew();
        var target = Requests;
        Task[] Load() => [.. Enumerable.Range(0, Connections).Select(worker => Task.Run(async () =>
        {
            for (var n = Interlocked.Increment(ref sent); n <= target; n = Interlocked.Increment(ref sent))
            {
                var path = paths[(n + worker) % paths.Length];
                try
                {
                    using var response = await client.GetAsync(path, cancel);
                    var body = await response.Content.ReadAsByteArrayAsync(cancel);
                    Interlocked.Add(ref bytes, body.Length);
                    if (Problem(response, body) is { } problem)
                    {
                        failures.Enqueue($"/{path}: {problem}");
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    failures.Enqueue($"/{path}: {e.GetType().Name}: {e.Message}");
                }
            }
        }))];
        await Task.WhenAll(Load());
        for (var more = 0; more < 20 && server.Rebuilds < MinRebuilds; more++)
        {
            (sent, target) = (target, target + (Requests / 10));
            await Task.WhenAll(Load());
        }
        var elapsed = clock.Elapsed;
        await editing.CancelAsync();
        await editor;

        var rebuilds = server.Rebuilds;
        var summary = $"{target} requests over {Connections} connections in {elapsed.TotalSeconds:0.0} s ({target / elapsed.TotalSeconds:0} per second, "
            + $"{bytes / (1024 * 1024)} MB), {edits} saves, {rebuilds} rebuilds, {failures.Count} failures; server memory peak {server.PeakMegabytes} MB "
            + $"(first third {server.PeakOfThird(0)} MB, last third {server.PeakOfThird(2)} MB)";
        TestContext.Current.TestOutputHelper?.WriteLine(summary);
        Assert.True(failures.IsEmpty, $"{summary}\n{string.Join("\n", failures.Take(20))}");
        Assert.True(rebuilds >= MinRebuilds, $"the site should have been rebuilt during the load: {summary}\n{server.Log}");
        // Bounded: well under what a leak of pages or builds would reach, and not still growing at the end.
        Assert.True(server.PeakMegabytes < 600, summary);
        Assert.True(server.PeakOfThird(2) < (server.PeakOfThird(0) * 1.5) + 64, summary);

        // Once the saves stop, the last one is what is served.
        var last = $"Save number {edits}.";
        var served = "";
        for (var wait = Stopwatch.StartNew(); wait.Elapsed < TimeSpan.FromSeconds(20) && !served.Contains(last, StringComparison.Ordinal); await Task.Delay(100))
        {
            served = await client.GetStringAsync("edited/", cancel);
        }
        Assert.Contains(last, served, StringComparison.Ordinal);
    }

    private static string Article(string title, int save) =>
        $"---\ntitle: {title}\ndate: 2024-01-02\n---\n\nSave number {save}.[^n] " + string.Concat(Enumerable.Repeat("Some words of the article. ", 40))
        + $"\n\n[^n]: A note, saved {save} times.\n";

    /// <summary>Null for a whole 200: all the bytes its Content-Length promised, and a page that ends.</summary>
    private static string? Problem(HttpResponseMessage response, byte[] body)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"status {(int)response.StatusCode}";
        }
        if (response.Content.Headers.ContentLength != body.Length)
        {
            return $"Content-Length {response.Content.Headers.ContentLength}, but {body.Length} bytes came";
        }
        if (response.Content.Headers.ContentType?.MediaType == "text/html"
            && !Encoding.UTF8.GetString(body).TrimEnd().EndsWith("</html>", StringComparison.Ordinal))
        {
            return $"a page cut short after {body.Length} bytes";
        }
        return null;
    }

    /// <summary><c>site serve</c> in a process of its own, its memory sampled every 50 ms.</summary>
    private sealed partial class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _log;
        private readonly List<long> _samples = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;

        private ServerProcess(Process process, string url, StringBuilder log)
        {
            _process = process;
            _log = log;
            Url = url;
            _sampler = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested && !_process.HasExited)
                {
                    _process.Refresh();
                    lock (_samples)
                    {
                        _samples.Add(_process.WorkingSet64);
                    }
                    await Task.Delay(50);
                }
            });
        }

        public string Url { get; }

        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        public int Rebuilds => RebuildLine().Count(Log);

        public long PeakMegabytes => Peak(0, 1);

        public long PeakOfThird(int third) => Peak(third / 3.0, (third + 1) / 3.0);

        public static async Task<ServerProcess> StartAsync(string content, string templates)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "site.dll"), "serve", "--content", content, "--templates", templates, "--port", "0" })
            {
                start.ArgumentList.Add(arg);
            }
            var process = Process.Start(start)!;
            var url = new TaskCompletionSource<string>();
            var log = new StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is { } line && ServingLine().Match(line) is { Success: true } match)
                {
                    url.TrySetResult(match.Groups[1].Value);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (log)
                {
                    log.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                return new ServerProcess(process, await url.Task.WaitAsync(TimeSpan.FromSeconds(60)), log);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }
        }

        private long Peak(double from, double to)
        {
            lock (_samples)
            {
                var part = _samples.Skip((int)(_samples.Count * from)).Take(Math.Max(1, (int)(_samples.Count * (to - from)))).DefaultIfEmpty(0);
                return part.Max() / (1024 * 1024);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _sampler.Wait(TimeSpan.FromSeconds(5));
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
            _stop.Dispose();
        }

        [GeneratedRegex(@"^Serving (http://127\.0\.0\.1:\d+/)")]
        private static partial Regex ServingLine();

        [GeneratedRegex(@"^Rebuilt: ", RegexOptions.Multiline)]
        private static partial Regex RebuildLine();
    }
}
