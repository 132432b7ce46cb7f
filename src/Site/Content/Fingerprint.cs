using System.Security.Cryptography;
using System.Text;

namespace Site.Content;

/// <summary>A SHA-256 of a sequence of values, each with its length first, so that no two different
/// sequences can run together into the same text: equal fingerprints mean equal values.</summary>
internal sealed class Fingerprint
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public Fingerprint Add(string? value)
    {
        Add(value is null ? -1 : value.Length);
        if (value is not null)
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(value));
        }
        return this;
    }

    public Fingerprint Add(long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        _hash.AppendData(bytes);
        return this;
    }

    public Fingerprint Add(byte[] digest)
    {
        _hash.AppendData(digest);
        return this;
    }

    /// <summary>The hash as bytes, to add to another fingerprint.</summary>
    public byte[] FinishBytes()
    {
        var hash = _hash.GetHashAndReset();
        _hash.Dispose();
        return hash;
    }

    public string Finish()
    {
        var hash = Convert.ToHexString(_hash.GetHashAndReset());
        _hash.Dispose();
        return hash;
    }
}
