using System.IO.Hashing;
using Site.Content;

namespace Site.Generation;

/// <summary>
/// A file being written, hashed (<see cref="ContentHash"/>) as the bytes pass, so the build cache is written in one pass and
/// ends with the hash of everything before it (what <see cref="RenderCacheFile.Read"/> checks).
/// </summary>
internal sealed class HashingStream(Stream file) : Stream
{
    private readonly XxHash128 _hash = ContentHash.Incremental();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => file.Length;

    public override long Position
    {
        get => file.Position;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.Append(buffer);
        file.Write(buffer);
    }

    /// <summary>Ends the file with the hash of what was written to it.</summary>
    public void WriteHash() => file.Write(_hash.GetHashAndReset());

    public override void Flush() => file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }
        base.Dispose(disposing);
    }
}
