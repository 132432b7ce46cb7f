using System.Text.Json;
using Site.Generation;
using Site.Preview;
using Site.Tests.Support;

namespace Site.Tests.Preview;

/// <summary>
/// The real preview server, in process on a free port, over a site in a temp folder: the repository's
/// templates and a few small articles. Disposing stops it the way Ctrl+C does.
/// </summary>
internal sealed class PreviewHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _terminal = new();
    private Task _run = Task.CompletedTask;

    private PreviewHost(TempDirectory folder) => Folder = folder;

    public TempDirectory Folder { get; }

    public PreviewServer Server { get; private set; } = null!;

    /// <summary>http://127.0.0.1:port/</summary>
    public string Url => Server.Urls[0];

    public Uri Uri => new(Url);

    /// <summary>What the server printed (diagnostics, rebuild lines).</summary>
    public string Terminal
    {
        get
        {
            lock (_terminal)
            {
                return _terminal.ToString();
            }
        }
    }

    public static string Article(string title, string body) => $"---\ntitle: {title}\ndate: 2024-01-02\n---\n{body}\n";

    public static async Task<PreviewHost> StartAsync(int articles = 3, Action<TempDirectory>? arrange = null)
    {
        var folder = new TempDirectory();
        CopyDirectory(Path.Combine(RepoRoot.Find(), "templates"), folder.Combine("templates"));
        folder.Write("content/site.yml", "title: Preview test\n");
        for (var i = 1; i <= articles; i++)
        {
            folder.Write($"content/article-{i}.md", Article($"Article {i}", $"Text of article {i}, with a note.[^n]\n\n[^n]: A note of article {i}."));
        }
        arrange?.Invoke(folder);

        var host = new PreviewHost(folder);
        var log = TextWriter.Synchronized(host._terminal);
        var options = new ServeOptions(new BuildOptions(folder.Combine("content"), folder.Combine("templates"), folder.Combine("output")), Port: 0);
        host.Server = new PreviewServer(options, log);
        var started = new TaskCompletionSource();
        host._run = Task.Run(() => host.Server.RunAsync(log, host._stop.Token, _ => started.TrySetResult()));
        await Task.WhenAny(started.Task, host._run).WaitAsync(TimeSpan.FromSeconds(60));
        await (host._run.IsCompleted ? host._run : started.Task);
        return host;
    }

    public HttpClient Client() => new() { BaseAddress = Uri, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(30));
        Folder.Dispose();
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>Reads the server's Server-Sent Events, as the page's script does.</summary>
internal sealed class EventStream : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly StreamReader _reader;

    private EventStream(HttpClient client, StreamReader reader)
    {
        _client = client;
        _reader = reader;
    }

    public static async Task<EventStream> OpenAsync(PreviewHost host)
    {
        var client = new HttpClient { BaseAddress = host.Uri, Timeout = Timeout.InfiniteTimeSpan };
        var stream = await client.GetStreamAsync("__site/events");
        return new EventStream(client, new StreamReader(stream));
    }

    public sealed record State(int Version, bool Ok, IReadOnlyList<string> Diagnostics);

    /// <summary>The next "state" event; fails the test after <paramref name="seconds"/>.</summary>
    public async Task<State> NextAsync(int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        string? eventName = null;
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "state")
            {
                using var json = JsonDocument.Parse(line["data: ".Length..]);
                var root = json.RootElement;
                return new State(
                    root.GetProperty("version").GetInt32(),
                    root.GetProperty("ok").GetBoolean(),
                    [.. root.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetString()!)]);
            }
        }
        throw new InvalidOperationException("the event stream ended");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
