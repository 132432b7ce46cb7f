using System.Buffers;
using System.Text;
using Scriban.Runtime;

namespace Site.Templating;

/// <summary>
/// Where the template that makes a whole file (the layout, a feed) writes: UTF-8 as it is rendered, one per
/// thread, reused. The file is encoded once, as it is written, with no UTF-16 copy of all of it: a page went
/// through a builder, a string and then bytes, and an article page's 35,000 characters cost 140 KB before
/// its 35 KB of bytes (the index of 10,000 articles, 30 MB before its 4 MB).
/// </summary>
internal sealed class Utf8Output : IScriptOutput
{
    /// <summary>Room kept for the next file: an article page's; a larger buffer is dropped.</summary>
    private const int KeptCapacity = 256 * 1024;

    /// <summary>Characters encoded at a time, so a long string (a page's content) asks for no larger buffer than needed.</summary>
    private const int Slice = 4096;

    /// <summary>Keeps a surrogate pair split between two writes whole; lone surrogates become U+FFFD, as
    /// <see cref="Encoding.UTF8"/> makes them.</summary>
    private readonly Encoder _encoder = Encoding.UTF8.GetEncoder();

    private ArrayBufferWriter<byte> _bytes = new(16 * 1024);

    /// <summary>Characters written since the last <see cref="Clear"/>, for the limit on a page's size.</summary>
    public long Chars { get; private set; }

    public void Write(string text, int offset, int count)
    {
        Chars += count;
        var chars = text.AsSpan(offset, count);
        while (chars.Length > 0)
        {
            var slice = chars[..Math.Min(Slice, chars.Length)];
            _encoder.Convert(slice, _bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(slice.Length)), flush: false, out var used, out var written, out _);
            _bytes.Advance(written);
            chars = chars[used..];
        }
    }

    public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
    {
        Write(text, offset, count);
        return ValueTask.CompletedTask;
    }

    /// <summary>Scriban's Render returns this, and it is not used: the output is <see cref="ToArray"/>.</summary>
    public override string ToString() => "";

    /// <summary>The file's bytes, exactly.</summary>
    public byte[] ToArray()
    {
        _encoder.Convert([], _bytes.GetSpan(8), flush: true, out _, out var written, out _);
        _bytes.Advance(written);
        return _bytes.WrittenSpan.ToArray();
    }

    /// <summary>Empties the output for the next file, dropping a large buffer rather than keeping it.</summary>
    public void Clear()
    {
        _encoder.Reset();
        Chars = 0;
        if (_bytes.Capacity > KeptCapacity)
        {
            _bytes = new ArrayBufferWriter<byte>(16 * 1024);
        }
        else
        {
            _bytes.ResetWrittenCount();
        }
    }
}
