using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Site.Generation;

/// <summary>
/// A build writes into a staging folder beside output/ and swaps it in only when it succeeded, so
/// output/ is always one whole build: never half-written, never with files of deleted articles.
/// </summary>
internal sealed partial class OutputStaging : ISiteOutput
{
    private const string Prefix = ".site-staging-";
    private const string OldSuffix = ".old";
    private const string SparePrefix = ".site-spare-";

    /// <summary>
    /// Test seam. Whether output/ is always one whole build depends on where a build is when it dies, and
    /// a test cannot hit a window of microseconds by timing a kill. With SITE_TEST_PAUSE set to a phase
    /// (<c>writing</c>, <c>staged</c>, <c>exchanged</c>, <c>committed</c>, or <c>moved-aside</c> and
    /// <c>moved-in</c>, which take the two-rename swap used where renameat2 is not available), the build
    /// prints "site: test pause at PHASE" to stderr there and waits for a line (or the end) of standard
    /// input, or Ctrl+C, so a test can kill or interrupt it at exactly that point. Unset, as it is
    /// everywhere but in tests, it costs one environment lookup per run.
    /// </summary>
    private static readonly string? PausePhase = Environment.GetEnvironmentVariable("SITE_TEST_PAUSE");

    private readonly string _output;

    /// <summary>output/, held open to stamp the files carried from it.</summary>
    private readonly Content.StampedFolder _outputFolder;

    private readonly CancellationToken _stop;
    private int _written;

    /// <summary>The staging folder's folders made so far: nothing else creates or removes any until the swap.</summary>
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    /// <summary>The files in the staging folder before this build wrote any: a <see cref="SpareTree"/>'s, or none.</summary>
    private readonly HashSet<string> _present;

    /// <summary>Those of <see cref="_present"/> that are not output/'s file.</summary>
    private readonly HashSet<string> _renewed;

    /// <summary>The spare's folders ("" for its root), for a file of this build where the spare has a folder.</summary>
    private readonly HashSet<string> _presentFolders;

    /// <summary>The spare's folder stamps, by path.</summary>
    private readonly Dictionary<string, FolderStamp> _spareFolders;

    /// <summary>Folders this build added an entry to or removed one from, by path relative to the staging folder.</summary>
    private readonly ConcurrentDictionary<string, byte> _changedFolders = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, byte> _produced = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _writtenAfresh = new(StringComparer.Ordinal);

    private OutputStaging(string output, string path, CancellationToken stop, SpareTree? spare)
    {
        _output = output;
        _outputFolder = new Content.StampedFolder(output);
        Path = path;
        _stop = stop;
        _present = [.. spare?.Files ?? []];
        _renewed = [.. spare?.Renewed ?? []];
        _presentFolders = OutputManifest.FoldersOf(_present);
        _spareFolders = (spare?.Folders ?? []).ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>Every file this build put in the staging folder, by path relative to it.</summary>
    public IReadOnlyCollection<string> Produced => [.. _produced.Keys];

    /// <summary>The stamps of the spare's folders this build staged into without adding or removing an entry:
    /// still theirs, so the manifest after the swap need not take them again (a folder's stamp moves only
    /// with its entries). Empty when the build staged from nothing.</summary>
    public IReadOnlyDictionary<string, FolderStamp> UnchangedFolders =>
        _spareFolders.Values.Where(f => !_changedFolders.ContainsKey(f.Path)).ToDictionary(f => f.Path, StringComparer.Ordinal);

    /// <param name="stop">Ctrl+C: every write, and the commit, throw once it is cancelled.</param>
    /// <param name="spare">The spare the cache describes, taken as the staging folder when it is there;
    /// any other spare is removed.</param>
    public static OutputStaging Begin(string outputDir, CancellationToken stop = default, SpareTree? spare = null)
    {
        var output = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(outputDir));
        var parent = System.IO.Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, output, spare?.Id);
        var staging = System.IO.Path.Combine(parent, $"{Prefix}{System.IO.Path.GetFileName(output)}-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        if (spare is not null && TakeSpare(SpareFolder(output, spare.Id), staging))
        {
            return new OutputStaging(output, staging, stop, spare);
        }
        Directory.CreateDirectory(staging);
        return new OutputStaging(output, staging, stop, null);
    }

    public void Write(string relativePath, byte[] content) => WholeFile.Write(Fresh(relativePath), content);

    public void CopyFile(string source, string relativePath) => File.Copy(source, Fresh(relativePath), overwrite: true);

    /// <summary>A carried file is a hard link to the one in output/ where the file system allows (a copy
    /// otherwise), so the staged tree is whole on its own and output/ stays untouched until the swap.
    /// Nothing ever writes into a staged file again, so the link never changes output/.</summary>
    public bool TryCarry(IReadOnlyList<OutputFile> files)
    {
        foreach (var file in files)
        {
            // One statx on Linux, where FileInfo makes four system calls: this runs for every page of the site.
            var stamp = _outputFolder.Of(file.Path);
            if (file.WriteTicks == 0 || stamp == default || stamp.Length != file.Length || DateTime.UnixEpoch.Ticks + (stamp.WriteTime / 100) != file.WriteTicks)
            {
                return false;
            }
        }
        foreach (var file in files)
        {
            _produced.TryAdd(file.Path, 0);
            if (_present.Contains(file.Path) && !_renewed.Contains(file.Path))
            {
                continue; // the spare's file is output/'s, linked when the spare was output/ and kept unchanged since
            }
            var from = System.IO.Path.Combine(_output, file.Path);
            var to = Prepare(file.Path);
            Clear(file.Path, to);
            if (!OperatingSystem.IsWindows() && Link(from, to) == 0)
            {
                continue;
            }
            File.Copy(from, to, overwrite: true);
            // The stamp the cache knows the file by: the copy is carried again next time.
            File.SetLastWriteTimeUtc(to, new DateTime(file.WriteTicks, DateTimeKind.Utc));
        }
        return true;
    }

    /// <summary>Swaps the staged build in for output/. On Linux the swap is one atomic renameat2 call, so
    /// even a kill at this instant leaves either the old tree or the new one. Ctrl+C can stop a build up
    /// to the swap, not after it: a swap once begun is finished.</summary>
    /// <param name="current">What output/ held as the last build left it, if known: the old tree is kept as
    /// the next build's spare only while output/ still holds exactly that.</param>
    /// <returns>The spare kept, or null when the old tree was removed.</returns>
    public SpareTree? Commit(OutputManifest? current = null)
    {
        RemoveStale();
        Pause("staged");
        _stop.ThrowIfCancellationRequested();
        SpareTree? spare = null;
        // Checked before the swap: moving output/ moves its change time.
        var keep = current is not null && _writtenAfresh.Count * 2 <= _produced.Count && current.IsUnchanged(_outputFolder);
        _outputFolder.Dispose();
        if (!Directory.Exists(_output))
        {
            Directory.Move(Path, _output);
        }
        else if (PausePhase is not ("moved-aside" or "moved-in") && OperatingSystem.IsLinux() && RenameExchange(Path, _output))
        {
            Pause("exchanged");
            if (keep)
            {
                spare = Keep(current!);
            }
            else
            {
                Remove(Path);
            }
        }
        else
        {
            // Two renames: a run killed between them leaves no output/, and the next one puts this old tree back.
            var old = Path + OldSuffix;
            Directory.Move(_output, old);
            Pause("moved-aside");
            Directory.Move(Path, _output);
            Pause("moved-in");
            Remove(old);
        }
        Pause("committed");
        return spare;
    }

    public void Discard()
    {
        _outputFolder.Dispose();
        if (Directory.Exists(Path))
        {
            Remove(Path);
        }
    }

    /// <summary>Deletes a whole tree, its folders on all cores: an old output of a large site is
    /// thousands of folders, and removing them is most of an incremental build's work in the file system.</summary>
    private static void Remove(string tree)
    {
        var folders = Directory.GetDirectories(tree);
        Parallel.ForEach(folders, SmallLoops.For(folders.Length), folder => Directory.Delete(folder, recursive: true));
        Directory.Delete(tree, recursive: true);
    }

    /// <summary>The old tree, swapped out to the staging path, becomes the next build's spare when it was
    /// output/ as <paramref name="current"/> says and this build rewrote at most half the files: a spare of
    /// mostly old copies would be a second site on disk that saves little. Otherwise it is removed.</summary>
    private SpareTree? Keep(OutputManifest current)
    {
        var id = $"{Environment.ProcessId}-{Environment.TickCount64}";
        try
        {
            Directory.Move(Path, SpareFolder(_output, id));
            return new SpareTree(id, current.Files, [.. _writtenAfresh.Keys.Order(StringComparer.Ordinal)], current.Folders);
        }
        catch (IOException)
        {
            // Kept or not, the build is published; a spare only saves the next one work.
            Remove(Path);
            return null;
        }
    }

    /// <summary>Makes the staged tree this build's alone: removes the spare's files this build did not
    /// produce, and the folders that leaves empty (deepest first, each then its parents).</summary>
    private void RemoveStale()
    {
        var emptied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in _present.Where(f => !_produced.ContainsKey(f)))
        {
            // Gone already, or a folder or under a file now: this build put something else there.
            if (Unlink(System.IO.Path.Combine(Path, file)) != 0 && Marshal.GetLastPInvokeError() is not (NoEntry or NotFolder or IsFolder))
            {
                throw new IOException($"cannot remove {file} from the staging folder: error {Marshal.GetLastPInvokeError()}");
            }
            emptied.Add(Parent(file));
        }
        foreach (var folder in emptied.OrderByDescending(f => f.Count(c => c == '/')))
        {
            Changed(folder + "/"); // the folder and its parents, which lose it if it is emptied
            for (var empty = folder; empty.Length > 0 && RemoveFolder(System.IO.Path.Combine(Path, empty)) == 0; empty = Parent(empty))
            {
                // Removed; try its parent.
            }
        }
    }

    /// <summary>The path to write a new file at. The spare's file there is removed first: it may be output/'s
    /// own (a hard link), and output/ must not change before the swap.</summary>
    private string Fresh(string relativePath)
    {
        var path = Prepare(relativePath);
        _produced.TryAdd(relativePath, 0);
        _writtenAfresh.TryAdd(relativePath, 0);
        Clear(relativePath, path);
        return path;
    }

    /// <summary>Removes what the spare has at <paramref name="path"/>, if anything.</summary>
    private void Clear(string relativePath, string path)
    {
        if (_presentFolders.Contains(relativePath))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (_present.Contains(relativePath) && Unlink(path) != 0 && Marshal.GetLastPInvokeError() != NoEntry)
        {
            throw new IOException($"cannot replace {relativePath} in the staging folder: error {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>The full path of a file to write; throws once the build is stopped, so Ctrl+C ends it at
    /// the next file.</summary>
    private string Prepare(string relativePath)
    {
        _stop.ThrowIfCancellationRequested();
        if (Interlocked.Increment(ref _written) == 1)
        {
            Pause("writing");
        }
        var path = System.IO.Path.Combine(Path, relativePath);
        // Two system calls saved per file: most folders hold a page and its annotations.json, or many assets.
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (!_folders.ContainsKey(folder))
        {
            // The first file into a folder: its entries change, and so may its parents' if it is made.
            Changed(relativePath);
            // Where the spare has a file, this build has a folder: the file goes.
            foreach (var file in Ancestors(relativePath).Where(_present.Contains))
            {
                File.Delete(System.IO.Path.Combine(Path, file));
            }
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }
        return path;
    }

    /// <summary>Notes that the folders holding <paramref name="relativePath"/> ("a/b", "a" and the root for
    /// "a/b/c") may have changed.</summary>
    private void Changed(string relativePath)
    {
        _changedFolders.TryAdd("", 0);
        foreach (var folder in Ancestors(relativePath))
        {
            _changedFolders.TryAdd(folder, 0);
        }
    }

    /// <summary>"a/b" and "a" for "a/b/c".</summary>
    private static IEnumerable<string> Ancestors(string relativePath)
    {
        for (var slash = relativePath.LastIndexOf('/'); slash > 0; slash = relativePath.LastIndexOf('/', slash - 1))
        {
            yield return relativePath[..slash];
        }
    }

    private static string Parent(string relativePath) => relativePath.LastIndexOf('/') is var slash and > 0 ? relativePath[..slash] : "";

    private static string SpareFolder(string output, string id) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(output)!, $"{SparePrefix}{System.IO.Path.GetFileName(output)}-{id}");

    private static bool TakeSpare(string spare, string staging)
    {
        try
        {
            Directory.Move(spare, staging);
            return true;
        }
        catch (IOException)
        {
            return false; // not there: removed by hand, or taken by a build killed before it saved the cache
        }
    }

    /// <summary>See <see cref="PausePhase"/>.</summary>
    private void Pause(string phase)
    {
        if (PausePhase != phase)
        {
            return;
        }
        Console.Error.WriteLine($"site: test pause at {phase}");
        Console.Error.Flush();
        var resume = Task.Run(Console.In.ReadLine);
        try
        {
            resume.Wait(_stop);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C ends the pause; what it does to the build is decided where the build goes on.
        }
    }

    /// <summary>Staging folders of runs that were killed: their process is gone, so they are ours to remove.
    /// One killed between the two renames of the fallback swap left no output/; its old tree is put back.</summary>
    private static void RemoveLeftovers(string parent, string output, string? spareId)
    {
        var wanted = spareId is null ? null : SpareFolder(output, spareId);
        foreach (var spare in Directory.EnumerateDirectories(parent, $"{SparePrefix}{System.IO.Path.GetFileName(output)}-*").Where(s => s != wanted))
        {
            Remove(spare);
        }
        var prefix = $"{Prefix}{System.IO.Path.GetFileName(output)}-";
        foreach (var dir in Directory.EnumerateDirectories(parent, prefix + "*").Order(StringComparer.Ordinal))
        {
            var suffix = System.IO.Path.GetFileName(dir)[prefix.Length..].Split('.')[0];
            if (int.TryParse(suffix, out var pid) && pid != Environment.ProcessId && IsRunning(pid))
            {
                continue;
            }
            if (dir.EndsWith(OldSuffix, StringComparison.Ordinal) && !Directory.Exists(output))
            {
                Directory.Move(dir, output);
                continue;
            }
            Directory.Delete(dir, recursive: true);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool RenameExchange(string from, string to)
    {
        const uint exchange = 2; // RENAME_EXCHANGE
        const int atCurrentDirectory = -100; // AT_FDCWD
        try
        {
            return Renameat2(atCurrentDirectory, from, atCurrentDirectory, to, exchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int NoEntry = 2; // ENOENT
    private const int NotFolder = 20; // ENOTDIR
    private const int IsFolder = 21; // EISDIR

    [LibraryImport("libc", EntryPoint = "unlink", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Unlink(string path);

    [LibraryImport("libc", EntryPoint = "rmdir", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RemoveFolder(string path);

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existingPath, string newPath);

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Renameat2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
