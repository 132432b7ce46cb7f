using System.Runtime.InteropServices;

namespace Site.Generation;

/// <summary>
/// A build writes into a staging folder beside output/ and swaps it in only when it succeeded, so
/// output/ is always one whole build: never half-written, never with files of deleted articles.
/// </summary>
internal sealed partial class OutputStaging : ISiteOutput
{
    private const string Prefix = ".site-staging-";

    private readonly string _output;

    private OutputStaging(string output, string path)
    {
        _output = output;
        Path = path;
    }

    public string Path { get; }

    public static OutputStaging Begin(string outputDir)
    {
        var output = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(outputDir));
        var parent = System.IO.Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, System.IO.Path.GetFileName(output));
        var staging = System.IO.Path.Combine(parent, $"{Prefix}{System.IO.Path.GetFileName(output)}-{Environment.ProcessId}");
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        Directory.CreateDirectory(staging);
        return new OutputStaging(output, staging);
    }

    public void Write(string relativePath, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public void CopyFile(string source, string relativePath)
    {
        var path = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.Copy(source, path, overwrite: true);
    }

    /// <summary>Swaps the staged build in for output/. On Linux the swap is one atomic renameat2 call, so
    /// even a kill at this instant leaves either the old tree or the new one.</summary>
    public void Commit()
    {
        if (!Directory.Exists(_output))
        {
            Directory.Move(Path, _output);
            return;
        }
        if (OperatingSystem.IsLinux() && RenameExchange(Path, _output))
        {
            Directory.Delete(Path, recursive: true);
            return;
        }
        var old = Path + ".old";
        Directory.Move(_output, old);
        Directory.Move(Path, _output);
        Directory.Delete(old, recursive: true);
    }

    public void Discard()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    /// <summary>Staging folders of runs that were killed: their process is gone, so they are ours to remove.</summary>
    private static void RemoveLeftovers(string parent, string outputName)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $"{Prefix}{outputName}-*"))
        {
            var suffix = System.IO.Path.GetFileName(dir)[($"{Prefix}{outputName}-".Length)..].Split('.')[0];
            if (int.TryParse(suffix, out var pid) && pid != Environment.ProcessId && IsRunning(pid))
            {
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

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Renameat2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
