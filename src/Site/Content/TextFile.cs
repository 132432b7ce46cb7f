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
        var all = ReadBytes(path, out var start);
        var bytes = all.AsSpan(start);
        return new FileText(Decode(headOnly ? bytes[..HeadLength(bytes)] : bytes, start), ContentHash.Hex(all));
    }

    private static byte[] ReadBytes(string path, out int start)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new InvalidDataException($"file is {length / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB");
        }
        // Not opened: a FIFO or a device has no length either, and reading one blocks or never ends.
        var bytes = length == 0 ? [] : File.ReadAllBytes(path);
        start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return bytes;
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
            throw new InvalidDataException($"file is not valid UTF-8 (bad byte at offset {e.Index + offset})");
        }
        if (text.Contains('\0'))
        {
            throw new InvalidDataException("file contains a NUL byte; is it a binary file?");
        }
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

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

    private static T? TryReading<T>(Func<T> read, string file, DiagnosticCode code, string what, DiagnosticBag diagnostics)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Report(code, new FilePosition(file), $"cannot read {what}: {e.Message}");
            return default;
        }
    }
}

/// <summary>A file's text (or front matter), and a <see cref="ContentHash"/> of all its bytes (hex) that stands for all of it.</summary>
internal readonly record struct FileText(string Text, string Digest);
