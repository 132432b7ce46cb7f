using System.Runtime.InteropServices;

namespace Site.Content;

/// <summary>
/// What a file is known by without reading it: length, write time and, on Linux, change time and inode
/// (times in nanoseconds since 1970). The change time cannot be set by a program: any write, and setting
/// the write time back, moves it to now. So a file with the same stamp on Linux is the same file, unless
/// it changed within the file system's clock tick of being stamped (see <see cref="KnownArticles"/>).
/// Elsewhere there is no change time, and a stamp alone is not trusted by publish builds.
/// </summary>
internal readonly partial record struct FileStamp(long Length, long WriteTime, long ChangeTime, long Inode)
{
    private const int AtCurrentDirectory = -100; // AT_FDCWD
    private const uint Wanted = 0x40 | 0x80 | 0x100 | 0x200; // STATX_MTIME | STATX_CTIME | STATX_INO | STATX_SIZE

    /// <summary>Whether the stamp has a change time, so a write time set back is seen.</summary>
    public bool HasChangeTime => ChangeTime != 0;

    /// <summary>The file's stamp, or all zeros when it cannot be read.</summary>
    public static FileStamp Of(string path)
    {
        if (OperatingSystem.IsLinux() && Linux(AtCurrentDirectory, path) is { } stamp)
        {
            return stamp;
        }
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, (info.LastWriteTimeUtc - DateTime.UnixEpoch).Ticks * 100, 0, 0) : default;
    }

    /// <summary>statx(2), whose buffer has the same layout on every architecture, of <paramref name="path"/>
    /// relative to the open folder <paramref name="folder"/> (see <see cref="StampedFolder"/>) or to the current one.</summary>
    public static unsafe FileStamp? Linux(int folder, string path)
    {
        var buffer = stackalloc byte[256];
        try
        {
            if (Statx(folder, path, 0, Wanted, buffer) != 0 || (*(uint*)buffer & Wanted) != Wanted)
            {
                return null;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null; // a C library older than statx
        }
        static long Time(byte* at) => (*(long*)at * 1_000_000_000) + *(uint*)(at + 8);
        return new FileStamp(*(long*)(buffer + 40), Time(buffer + 112), Time(buffer + 96), *(long*)(buffer + 32));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
