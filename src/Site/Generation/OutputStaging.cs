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
    private readonly CancellationToken _stop;
    private int _written;

    /// <summary>The staging folder's folders made so far: nothing else creates or removes any until the swap.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    private OutputStaging(string output, string path, CancellationToken stop)
    {
        _output = output;
        Path = path;
        _stop = stop;
    }

    public string Path { get; }

    /// <param name="stop">Ctrl+C: every write, and the commit, throw once it is cancelled.</param>
    public static OutputStaging Begin(string outputDir, CancellationToken stop = default)
    {
        var output = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(outputDir));
        var parent = System.IO.Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, output);
        var staging = System.IO.Path.Combine(parent, $"{Prefix}{System.IO.Path.GetFileName(output)}-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        return new OutputStaging(output, staging, stop);
    }

    public void Write(string relativePath, byte[] content) => WholeFile.Write(Prepare(relativePath), content);

    public void CopyFile(string source, string relativePath) => File.Copy(source, Prepare(relativePath), overwrite: true);

    /// <summary>A carried file is a hard link to the one in output/ where the file system allows (a copy
    /// otherwise), so the staged tree is whole on its own and output/ stays untouched until the swap.
    /// Nothing ever writes into a staged file again, so the link never changes output/.</summary>
    public bool TryCarry(IReadOnlyList<OutputFile> files)
    {
        foreach (var file in files)
        {
            var info = new FileInfo(System.IO.Path.Combine(_output, file.Path));
            if (file.WriteTicks == 0 || !info.Exists || info.Length != file.Length || info.LastWriteTimeUtc.Ticks != file.WriteTicks)
            {
                return false;
            }
        }
        foreach (var file in files)
        {
            var from = System.IO.Path.Combine(_output, file.Path);
            var to = Prepare(file.Path);
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
    public void Commit()
    {
        Pause("staged");
        _stop.ThrowIfCancellationRequested();
        if (!Directory.Exists(_output))
        {
            Directory.Move(Path, _output);
        }
        else if (PausePhase is not ("moved-aside" or "moved-in") && OperatingSystem.IsLinux() && RenameExchange(Path, _output))
        {
            Pause("exchanged");
            Remove(Path);
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
    }

    public void Discard()
    {
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
            Directory.CreateDirectory(folder);
            _folders.TryAdd(folder, 0);
        }
        return path;
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
    private static void RemoveLeftovers(string parent, string output)
    {
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

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existingPath, string newPath);

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Renameat2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
