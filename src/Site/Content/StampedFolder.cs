using System.Runtime.InteropServices;

namespace Site.Content;

/// <summary>
/// A folder held open to take the <see cref="FileStamp"/>s of many files under it by their relative paths: on
/// Linux the kernel then looks up only the rest of each path, not every folder from the root again (a build of
/// 10,000 articles stamps some 40,000 files and folders). Elsewhere, or when the folder cannot be opened, each
/// path is joined to the folder's and stamped as it is. A file or folder under it with the same relative path is
/// the same one while the folder is not moved.
/// </summary>
internal sealed partial class StampedFolder : IDisposable
{
    private const int PathOnly = 0x200000; // O_PATH
    private const int FolderOnly = 0x10000; // O_DIRECTORY
    private const int CloseOnExec = 0x80000; // O_CLOEXEC

    private readonly string _path;
    private int _handle = -1;

    public StampedFolder(string path)
    {
        _path = path;
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _handle = Open(path, PathOnly | FolderOnly | CloseOnExec);
            }
            catch (EntryPointNotFoundException)
            {
                // Stamped by full path, as elsewhere.
            }
        }
    }

    /// <summary>The stamp of <paramref name="relativePath"/> ("" for the folder itself), or all zeros when it
    /// cannot be read.</summary>
    public FileStamp Of(string relativePath) =>
        _handle >= 0 && relativePath.Length > 0 && FileStamp.Linux(_handle, relativePath) is { } stamp ? stamp : FileStamp.Of(Path.Combine(_path, relativePath));

    public void Dispose()
    {
        if (_handle >= 0)
        {
            _ = Close(_handle);
            _handle = -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int handle);
}
