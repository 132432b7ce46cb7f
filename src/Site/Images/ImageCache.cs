using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Site.Images;

internal sealed record CacheEntry(string Path, long Length);

/// <summary>
/// Encoded variants kept between builds, one file per key. Beside each entry a ".sum" file records its
/// length and SHA-256; an entry that does not match (truncated by a crash, edited, half-copied) is
/// ignored and made again, never published. Writes go to a temporary file renamed into place, so a
/// reader sees a whole file or none, and parallel builds writing the same key write the same bytes.
/// </summary>
internal sealed class ImageCache
{
    public ImageCache(string folder)
    {
        Folder = Path.GetFullPath(folder);
    }

    public string Folder { get; }

    /// <summary>The entry for <paramref name="key"/> when it is present and whole, else null.</summary>
    public CacheEntry? TryGet(string key, string extension)
    {
        var path = EntryPath(key, extension);
        try
        {
            var sum = File.ReadAllText(path + ".sum", Encoding.ASCII);
            using var stream = File.OpenRead(path);
            var length = stream.Length;
            return sum == Sum(length, SHA256.HashData(stream)) ? new CacheEntry(path, length) : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // not cached yet
        }
    }

    /// <summary>Stores an entry. Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the folder is not writable.</summary>
    public CacheEntry Put(string key, string extension, ReadOnlySpan<byte> content)
    {
        var path = EntryPath(key, extension);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // SHA-256, as the entry's name (ImageCacheKey): the sums outlive this build and any version of Site.
        // The entry first, its sum second: a crash between the two leaves an entry without a sum, which is a miss.
        WriteAtomically(path, content);
        WriteAtomically(path + ".sum", Encoding.ASCII.GetBytes(Sum(content.Length, SHA256.HashData(content))));
        return new CacheEntry(path, content.Length);
    }

    private string EntryPath(string key, string extension)
    {
        if (key.Length < 8 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("a cache key is a lower-case hex digest", nameof(key));
        }
        // A two-letter fan-out keeps folders small for sites with thousands of photos.
        return Path.Combine(Folder, key[..2], key + extension);
    }

    private static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        var temp = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException) when (File.Exists(path) && OperatingSystem.IsWindows())
        {
            // Windows refuses to replace a file another build has open; that build wrote the same bytes.
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Sum(long length, byte[] hash) =>
        string.Create(CultureInfo.InvariantCulture, $"{length} {Convert.ToHexStringLower(hash)}\n");
}
