using System.IO.Hashing;
using System.Text;

namespace Site.Content;

/// <summary>A <see cref="ContentHash"/> of a sequence of values, each with its length first, so that no two different
/// sequences can run together into the same text: equal fingerprints mean equal values.</summary>
internal sealed class Fingerprint
{
    private readonly XxHash128 _hash = ContentHash.Incremental();

    /// <summary>Chars encoded at a time: at most 3 UTF-8 bytes each, so a piece fits the stack buffer.</summary>
    private const int Piece = 256;

    public Fingerprint Add(string? value)
    {
        Add(value is null ? -1 : value.Length);
        if (value is null)
        {
            return this;
        }
        // Encoded piece by piece on the stack, not into an array per string: a build fingerprints tens of thousands
        // of strings (every listed article's key). The hash of the pieces is the hash of the whole, so the
        // fingerprints are the ones a whole-string encoding gave.
        Span<byte> bytes = stackalloc byte[Piece * 3];
        var chars = value.AsSpan();
        while (chars.Length > 0)
        {
            var take = Math.Min(chars.Length, Piece);
            // A surrogate pair is encoded whole: split, each half would be encoded as U+FFFD.
            if (take < chars.Length && char.IsHighSurrogate(chars[take - 1]))
            {
                take--;
            }
            _hash.Append(bytes[..Encoding.UTF8.GetBytes(chars[..take], bytes)]);
            chars = chars[take..];
        }
        return this;
    }

    public Fingerprint Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        _hash.Append(bytes);
        return this;
    }

    public Fingerprint Add(byte[] digest)
    {
        _hash.Append(digest);
        return this;
    }

    /// <summary>The hash as bytes, to add to another fingerprint.</summary>
    public byte[] FinishBytes() => _hash.GetHashAndReset();

    public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());
}
