using System.IO.Hashing;
using System.Text;

namespace Site.Content;

/// <summary>A <see cref="ContentHash"/> of a sequence of values, each with its length first, so that no two different
/// sequences can run together into the same text: equal fingerprints mean equal values.</summary>
internal sealed class Fingerprint
{
    private readonly XxHash128 _hash = ContentHash.Incremental();

    public Fingerprint Add(string? value)
    {
        Add(value is null ? -1 : value.Length);
        if (value is not null)
        {
            _hash.Append(Encoding.UTF8.GetBytes(value));
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
