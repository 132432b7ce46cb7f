using System.Threading.Channels;

namespace Site.Preview;

/// <summary>
/// Watches content/ and templates/ and calls back once per burst of changes. Editors save in bursts
/// (a temp file then a rename, several writes, a delete and a create), so a change waits for a short
/// quiet spell before it counts; changes that arrive during a rebuild cause one more rebuild after it.
/// </summary>
internal sealed class ChangeWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(25);

    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>();
    private readonly string _content;

    public ChangeWatcher(string contentDir, string templatesDir)
    {
        _content = Path.GetFullPath(contentDir);
        // A site without templates/ is built with the default theme alone: nothing of it to watch.
        foreach (var dir in new[] { contentDir, templatesDir }.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(dir))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Notify(e.FullPath);
            watcher.Created += (_, e) => Notify(e.FullPath);
            watcher.Deleted += (_, e) => Notify(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                Notify(e.OldFullPath);
                Notify(e.FullPath);
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Calls <paramref name="rebuild"/> after each burst of relevant changes until <paramref name="stop"/>.</summary>
    public async Task RunAsync(Action rebuild, CancellationToken stop)
    {
        var reader = _changes.Reader;
        while (await reader.WaitToReadAsync(stop))
        {
            do
            {
                while (reader.TryRead(out _))
                {
                }
                await Task.Delay(Quiet, stop);
            }
            while (reader.TryRead(out _));
            rebuild();
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }
        _changes.Writer.TryComplete();
    }

    private void Notify(string path)
    {
        if (IsRelevant(path))
        {
            _changes.Writer.TryWrite(path);
        }
    }

    /// <summary>In content/ only articles, settings and folders matter: editors' swap and backup files
    /// (.swp, ~, 4913) would otherwise cause rebuilds of their own. Everything in templates/ matters.</summary>
    private bool IsRelevant(string path)
    {
        if (!path.StartsWith(_content + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return true;
        }
        var extension = Path.GetExtension(path);
        return extension.Equals(".md", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            || (extension.Length == 0 && !File.Exists(path));
    }
}
