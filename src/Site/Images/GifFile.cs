using System.Text;

namespace Site.Images;

/// <summary>
/// Removes what a GIF carries besides its picture: comments, application blocks other than the
/// looping one (XMP, colour profiles, editors' private data) and anything after the trailer. Frames
/// and their timing are copied byte for byte. Used for animated GIFs, which are published as they are.
/// </summary>
internal static class GifFile
{
    private const byte Extension = 0x21, ImageDescriptor = 0x2C, Trailer = 0x3B;
    private const byte GraphicControl = 0xF9, PlainText = 0x01, Comment = 0xFE, Application = 0xFF;

    /// <summary>The stripped file, or null when its structure is broken.</summary>
    public static byte[]? StripMetadata(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13 || !(gif[..6].SequenceEqual("GIF87a"u8) || gif[..6].SequenceEqual("GIF89a"u8)))
        {
            return null;
        }
        var output = new MemoryStream(gif.Length);
        var position = 13 + ColorTableLength(gif[10]);
        if (position > gif.Length)
        {
            return null;
        }
        output.Write(gif[..position]);
        while (position < gif.Length)
        {
            var start = position;
            switch (gif[position])
            {
                case Trailer:
                    output.WriteByte(Trailer);
                    return output.ToArray();
                case ImageDescriptor:
                    if (position + 10 > gif.Length)
                    {
                        return null;
                    }
                    position += 10 + ColorTableLength(gif[position + 9]) + 1; // + the LZW minimum code size
                    position = SkipSubBlocks(gif, position);
                    break;
                case Extension when position + 1 < gif.Length:
                    var keep = Keeps(gif, position + 1);
                    position = SkipSubBlocks(gif, position + 2);
                    if (position > 0 && !keep)
                    {
                        continue;
                    }
                    break;
                default:
                    return null;
            }
            if (position < 0)
            {
                return null;
            }
            output.Write(gif[start..position]);
        }
        return null; // no trailer: cut short
    }

    private static bool Keeps(ReadOnlySpan<byte> gif, int labelAt) => gif[labelAt] switch
    {
        GraphicControl or PlainText => true,
        Comment => false,
        // Only the loop count ("NETSCAPE2.0", or the older "ANIMEXTS1.0") changes what a reader sees.
        Application => labelAt + 13 <= gif.Length && gif[labelAt + 1] == 11
            && Encoding.ASCII.GetString(gif.Slice(labelAt + 2, 11)) is "NETSCAPE2.0" or "ANIMEXTS1.0",
        _ => false,
    };

    private static int ColorTableLength(byte packed) => (packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0;

    /// <summary>The position after a chain of sub-blocks (each a length byte then data, ending with 0), or -1.</summary>
    private static int SkipSubBlocks(ReadOnlySpan<byte> gif, int position)
    {
        while (position < gif.Length)
        {
            var size = gif[position];
            position += 1 + size;
            if (size == 0)
            {
                return position;
            }
        }
        return -1;
    }
}
