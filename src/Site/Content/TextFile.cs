using System.Buffers;
using System.Text;
using Site.Diagnostics;

namespace Site.Content;

/// <summary>Reads source text the same way everywhere: strict UTF-8, BOM dropped, line endings as "\n".</summary>
internal static class TextFile
{
    /// <summary>Larger files are refused rather than read: no article is this long, and memory stays bounded.</summary>
    public const long MaxBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="InvalidDataException">The file is too large, is not UTF-8 or holds a NUL byte.</exception>
    public static string Read(string path) => ReadFile(path, headOnly: false).Text;

    /// <summary>The text, or with <paramref name="headOnly"/> only the front matter: the lines up to the
    /// closing '---' (the whole file when there is no such line, so the caller can say what is wrong).
    /// Loading a site needs no more, and the body is decoded once, when the article is rendered. The
    /// digest is of every byte of the file either way.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Read"/>, for the part read.</exception>
    public static FileText ReadFile(string path, bool headOnly)
    {
        var (all, length, start) = ReadBytes(path);
        try
        {
            var bytes = all.AsSpan(start, length - start);
            return new FileText(Decode(headOnly ? bytes[..HeadLength(bytes)] : bytes, start), ContentHash.Hex(all.AsSpan(0, length)));
        }
        finally
        {
            Return(all);
        }
    }

    /// <summary>The text after the front matter block, whose lines are left blank so positions stay file positions,
    /// and how many lines the block has; decoded only when all the file's bytes have <paramref name="digest"/>:
    /// the block was read from them before. Null when they do not, or hold a carriage return (a lone '\r' is a
    /// line of its own): the caller reads the file whole. A body takes no copy of the whole text to cut it from.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Read"/>, for the body.</exception>
    public static (string Text, int HeadLines)? ReadBody(string path, string digest)
    {
        var (all, length, start) = ReadBytes(path);
        try
        {
            var bytes = all.AsSpan(start, length - start);
            if (bytes.Contains((byte)'\r') || ContentHash.Hex(all.AsSpan(0, length)) != digest)
            {
                return null;
            }
            var head = HeadLength(bytes);
            var lines = bytes[..head].Count((byte)'\n');
            return (DecodeAfterBlankLines(all, start + head, length - start - head, lines, start + head), lines);
        }
        finally
        {
            Return(all);
        }
    }

    private static void Return(byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The file's bytes in a buffer of the shared pool, to be returned to it: an article is read twice
    /// per build (its front matter, then its body), and 10,000 of them were 240 MB of new arrays.</summary>
    /// <returns>The buffer, how many bytes of it are the file's, and where the text starts (after a BOM).</returns>
    private static (byte[] Buffer, int Length, int Start) ReadBytes(string path)
    {
        var size = new FileInfo(path).Length;
        if (size > MaxBytes)
        {
            throw new InvalidDataException($"file is {size / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB");
        }
        if (size == 0)
        {
            // Not opened: a FIFO or a device has no length either, and reading one blocks or never ends.
            return ([], 0, 0);
        }
        using var file = File.OpenHandle(path);
        // As File.ReadAllBytes: the length when opened, and the bytes there are up to it.
        var opened = (int)Math.Min(RandomAccess.GetLength(file), MaxBytes);
        var buffer = ArrayPool<byte>.Shared.Rent(opened);
        var length = 0;
        for (int read; length < opened && (read = RandomAccess.Read(file, buffer.AsSpan(length, opened - length), length)) > 0;)
        {
            length += read;
        }
        var start = buffer.AsSpan(0, length).StartsWith("\uFEFF"u8) ? 3 : 0;
        return (buffer, length, start);
    }

    /// <param name="offset">Where <paramref name="bytes"/> start in the file (after a BOM), for the message.</param>
    private static string Decode(ReadOnlySpan<byte> bytes, int offset)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw BadUtf8(e, offset);
        }
        if (text.Contains('\0'))
        {
            throw new InvalidDataException(NulByte);
        }
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    /// <summary>The text of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="from"/>,
    /// which hold no '\r', after <paramref name="lines"/> blank lines: one string, not the text and then a copy.</summary>
    private static string DecodeAfterBlankLines(byte[] buffer, int from, int count, int lines, int offset)
    {
        int chars;
        try
        {
            chars = StrictUtf8.GetCharCount(buffer, from, count);
        }
        catch (DecoderFallbackException e)
        {
            throw BadUtf8(e, offset);
        }
        var text = string.Create(lines + chars, (buffer, from, count, lines), static (text, source) =>
        {
            text[..source.lines].Fill('\n');
            StrictUtf8.GetChars(source.buffer.AsSpan(source.from, source.count), text[source.lines..]);
        });
        if (text.AsSpan(lines).Contains('\0'))
        {
            throw new InvalidDataException(NulByte);
        }
        return text;
    }

    private const string NulByte = "file contains a NUL byte; is it a binary file?";

    /// <param name="offset">Where the bytes decoded start in the file, for the message.</param>
    private static InvalidDataException BadUtf8(DecoderFallbackException e, int offset) =>
        new($"file is not valid UTF-8 (bad byte at offset {e.Index + offset})");

    /// <summary>The length of the front matter block, fences included, or of the whole text.</summary>
    private static int HeadLength(ReadOnlySpan<byte> bytes)
    {
        for (int position = 0, line = 0; position < bytes.Length; line++)
        {
            var end = bytes[position..].IndexOf((byte)'\n');
            var next = end < 0 ? bytes.Length : position + end + 1;
            var content = bytes[position..next].TrimEnd(" \t\r\n"u8);
            var fence = content.SequenceEqual("---"u8);
            if (line == 0 ? !fence : fence || content.SequenceEqual("..."u8))
            {
                return line == 0 ? bytes.Length : next;
            }
            position = next;
        }
        return bytes.Length;
    }

    /// <summary><see cref="Read"/>, reporting a failure as <paramref name="code"/> at <paramref name="file"/>
    /// ("cannot read {what}: …") and returning null.</summary>
    public static string? TryRead(string path, string file, DiagnosticCode code, string what, DiagnosticBag diagnostics) =>
        TryReading(() => Read(path), file, code, what, diagnostics);

    /// <summary><see cref="ReadFile"/>, reporting a failure as <see cref="TryRead"/> does.</summary>
    public static FileText? TryReadFile(string path, bool headOnly, string file, DiagnosticCode code, string what, DiagnosticBag diagnostics) =>
        TryReading<FileText?>(() => ReadFile(path, headOnly), file, code, what, diagnostics);

    /// <summary><see cref="ReadBody"/>, reporting a failure as <see cref="TryRead"/> does and returning false.</summary>
    public static bool TryReadBody(string path, string digest, string file, DiagnosticCode code, string what, DiagnosticBag diagnostics, out (string Text, int HeadLines)? body)
    {
        try
        {
            body = ReadBody(path, digest);
            return true;
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            Report(e, file, code, what, diagnostics);
            body = null;
            return false;
        }
    }

    private static T? TryReading<T>(Func<T> read, string file, DiagnosticCode code, string what, DiagnosticBag diagnostics)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            Report(e, file, code, what, diagnostics);
            return default;
        }
    }

    private static bool IsReadFailure(Exception e) => e is IOException or UnauthorizedAccessException or InvalidDataException;

    private static void Report(Exception e, string file, DiagnosticCode code, string what, DiagnosticBag diagnostics) =>
        diagnostics.Report(code, new FilePosition(file), $"cannot read {what}: {e.Message}");
}

/// <summary>A file's text (or front matter), and a <see cref="ContentHash"/> of all its bytes (hex) that stands for all of it.</summary>
internal readonly record struct FileText(string Text, string Digest);
