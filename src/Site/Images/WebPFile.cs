using System.Buffers.Binary;

namespace Site.Images;

/// <summary>
/// Reads the RIFF chunks of a WebP file: whether it is lossless, and a copy without its EXIF and XMP
/// chunks (for an animated WebP, published as it is). Frames and the colour profile are kept.
/// </summary>
internal static class WebPFile
{
    private const int HeaderLength = 12; // "RIFF", size, "WEBP"
    private const byte ExifFlag = 0x08, XmpFlag = 0x04;

    public static bool IsLossless(ReadOnlySpan<byte> webp)
    {
        foreach (var (id, _, _) in Chunks(webp) ?? [])
        {
            if (id is "VP8L" or "VP8 ")
            {
                return id == "VP8L";
            }
        }
        return false;
    }

    /// <summary>The file less its EXIF and XMP chunks, or null when its structure is broken.</summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> webp)
    {
        if (Chunks(webp) is not { } chunks)
        {
            return null;
        }
        var output = new MemoryStream(webp.Length);
        output.Write(webp[..HeaderLength]);
        foreach (var (id, start, length) in chunks)
        {
            if (id is "EXIF" or "XMP ")
            {
                continue;
            }
            var chunk = webp.Slice(start, length).ToArray();
            if (id == "VP8X" && chunk.Length > 8)
            {
                chunk[8] &= unchecked((byte)~(ExifFlag | XmpFlag)); // the header must not promise chunks that are gone
            }
            output.Write(chunk);
        }
        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    /// <summary>Each chunk's id, start and length (header and padding included), or null when the file is not whole.</summary>
    private static List<(string Id, int Start, int Length)>? Chunks(ReadOnlySpan<byte> webp)
    {
        if (webp.Length < HeaderLength || !webp[..4].SequenceEqual("RIFF"u8) || !webp[8..12].SequenceEqual("WEBP"u8))
        {
            return null;
        }
        var end = Math.Min(webp.Length, 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(webp[4..8]));
        var chunks = new List<(string, int, int)>();
        var position = HeaderLength;
        while (position + 8 <= end)
        {
            var size = (long)BinaryPrimitives.ReadUInt32LittleEndian(webp.Slice(position + 4, 4));
            var length = 8 + size + (size & 1);
            if (position + length > end + (size & 1))
            {
                return null;
            }
            length = Math.Min(length, end - position);
            chunks.Add((System.Text.Encoding.ASCII.GetString(webp.Slice(position, 4)), position, (int)length));
            position += (int)length;
        }
        return position == end ? chunks : null;
    }
}
