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
    public static string Read(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxBytes)
        {
            throw new InvalidDataException($"file is {length / (1024 * 1024)} MB; the limit is {MaxBytes / (1024 * 1024)} MB");
        }
        // Not opened: a FIFO or a device has no length either, and reading one blocks or never ends.
        if (length == 0)
        {
            return "";
        }
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"file is not valid UTF-8 (bad byte at offset {e.Index + start})");
        }
        if (text.Contains('\0'))
        {
            throw new InvalidDataException("file contains a NUL byte; is it a binary file?");
        }
        return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
    }

    /// <summary><see cref="Read"/>, reporting a failure as <paramref name="code"/> at <paramref name="file"/>
    /// ("cannot read {what}: …") and returning null.</summary>
    public static string? TryRead(string path, string file, string code, string what, DiagnosticBag diagnostics)
    {
        try
        {
            return Read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Error(file, 0, 0, code, $"cannot read {what}: {e.Message}");
            return null;
        }
    }
}
