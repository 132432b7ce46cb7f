using System.Runtime.InteropServices;

namespace Site.Generation;

/// <summary>
/// Writes a new file of the build in three system calls on Linux: open, write, close. File.WriteAllBytes
/// makes eight (it also takes and drops an advisory lock, checks the file system, truncates and seeks),
/// and a build writes two files per article. Any failure is left to File.WriteAllBytes, which writes the
/// file again from the start or throws the exception the caller expects.
/// </summary>
internal static partial class WholeFile
{
    // Linux's values, the same on x64 and arm64.
    private const int WriteOnly = 0x1;
    private const int Create = 0x40;
    private const int Truncate = 0x200;
    private const int CloseOnExec = 0x80000;

    /// <summary>rw-rw-rw- before the umask, as .NET creates files.</summary>
    private const int Mode = 0x1B6;

    public static void Write(string path, byte[] content)
    {
        if (!OperatingSystem.IsLinux() || !TryWrite(path, content))
        {
            File.WriteAllBytes(path, content);
        }
    }

    /// <summary>Replaces <paramref name="file"/> whole, making its folder if need be: written aside, then renamed
    /// over it, so a process killed meanwhile leaves the old file or the new one, never part of one.</summary>
    public static void Replace(string file, byte[] content)
    {
        var aside = $"{file}.{Environment.ProcessId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            Write(aside, content);
            File.Move(aside, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(aside);
            throw;
        }
    }

    private static unsafe bool TryWrite(string path, byte[] content)
    {
        var fd = Open(path, WriteOnly | Create | Truncate | CloseOnExec, Mode);
        if (fd < 0)
        {
            return false;
        }
        var written = 0;
        fixed (byte* bytes = content)
        {
            while (written < content.Length)
            {
                var count = WriteBytes(fd, bytes + written, content.Length - written);
                if (count <= 0)
                {
                    break;
                }
                written += (int)count;
            }
        }
        return Close(fd) == 0 && written == content.Length;
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteBytes(int fd, byte* bytes, nint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
