using System.IO.Hashing;

namespace Site.Content;

/// <summary>
/// The one hash of the build cache (<c>.site-cache/build/</c>): of article files, of the files every page
/// reads, of fingerprints, and the check at the end of the cache file. XXH128, not SHA-256: SHA-256 is
/// OpenSSL's, which every build then loads at start (measured on the sample site: 118 M instructions with
/// SHA-256, 101 M with XXH128), and XXH128 is also faster over the megabytes of a large cache. A cache hash
/// needs no resistance to forgery: the cache is made on this machine from content/ and templates/, and
/// whoever could plant a colliding file there could as well edit the cache or the content itself. Hashes
/// that leave the machine or name files that outlive the cache keep SHA-256 (tag slugs, the image cache).
/// </summary>
internal static class ContentHash
{
    /// <summary>Bytes in a hash.</summary>
    public const int Length = 16;

    public static byte[] Of(ReadOnlySpan<byte> data) => XxHash128.Hash(data);

    /// <summary>The hash as upper-case hex, as the cache stores it.</summary>
    public static string Hex(ReadOnlySpan<byte> data) => Convert.ToHexString(Of(data));

    /// <summary>Whether <paramref name="file"/> ends with the hash of the bytes before it, as every file of the
    /// build cache does (<see cref="Seal"/>): then <paramref name="length"/> is how many bytes come before it.</summary>
    public static bool Sealed(byte[] file, out int length)
    {
        length = file.Length - Length;
        return length >= 0 && Of(file.AsSpan(0, length)).AsSpan().SequenceEqual(file.AsSpan(length));
    }

    /// <summary>Appends to <paramref name="buffer"/> the hash of its bytes, for <see cref="Sealed"/>.</summary>
    public static void Seal(MemoryStream buffer) => buffer.Write(Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));

    /// <summary>A hash to which data is appended piece by piece.</summary>
    public static XxHash128 Incremental() => new();
}
