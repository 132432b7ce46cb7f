using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace Site.Tests.Images;

/// <summary>
/// Real image files for the tests: drawn and encoded with SkiaSharp, or written byte by byte where an
/// encoder would not make them (a GIF, an EXIF block with GPS, a PNG bomb, a header that lies).
/// </summary>
internal static class TestImages
{
    /// <summary>Text in the EXIF block of <see cref="WithExif"/>: it must never reach a published file.</summary>
    public const string ExifSecret = "Reporter Secret";

    /// <summary>The GPS latitude of <see cref="WithExif"/> (51° 30′ 26.12″ N) as its EXIF rationals.</summary>
    public static readonly byte[] GpsLatitudeBytes = [0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0x0A, 0x34, 0, 0, 0, 100];

    /// <summary>A photo-like picture: smooth gradients, shapes with edges, a little grain.</summary>
    public static SKBitmap Photo(int width, int height, bool alpha = false)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, alpha ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(alpha ? SKColors.Transparent : SKColors.White);
        using var sky = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(40, 90, 170), new SKColor(240, 200, 120), new SKColor(30, 120, 60)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(alpha ? new SKRect(width / 4f, height / 4f, width * 3 / 4f, height * 3 / 4f) : new SKRect(0, 0, width, height), sky);
        using var shape = new SKPaint { Color = new SKColor(200, 30, 40), IsAntialias = true };
        canvas.DrawCircle(width * 0.3f, height * 0.6f, Math.Min(width, height) * 0.2f, shape);
        var random = new Random(7);
        using var grain = new SKPaint { Color = new SKColor(255, 255, 255, 40) };
        for (var i = 0; i < width * height / 400; i++)
        {
            canvas.DrawRect(random.Next(width), random.Next(height), 1, 1, grain);
        }
        return bitmap;
    }

    /// <summary>Left half red, right half blue: shows where the stored left edge ends up after orientation.</summary>
    public static SKBitmap Halves(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Blue);
        using var red = new SKPaint { Color = SKColors.Red };
        canvas.DrawRect(0, 0, width / 2f, height, red);
        return bitmap;
    }

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 90) => Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Png(SKBitmap bitmap) => Encode(bitmap, SKEncodedImageFormat.Png, 100);

    public static byte[] WebP(SKBitmap bitmap, int quality = 90) => Encode(bitmap, SKEncodedImageFormat.Webp, quality);

    public static byte[] Jpeg(int width, int height)
    {
        using var photo = Photo(width, height);
        return Jpeg(photo);
    }

    public static byte[] Png(int width, int height)
    {
        using var photo = Photo(width, height);
        return Png(photo);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>
    /// The JPEG with an EXIF block (APP1) inserted after its start marker: the orientation, an Artist of
    /// <see cref="ExifSecret"/>, and a GPS block with <see cref="GpsLatitudeBytes"/>, as a phone writes them.
    /// </summary>
    public static byte[] WithExif(byte[] jpeg, int orientation)
    {
        var tiff = new byte[120];
        var span = tiff.AsSpan();
        "MM\0*"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        // IFD0 at 8: three entries, then the offset of the next IFD (none).
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 3);
        Entry(span[10..], tag: 0x0112, type: 3, count: 1, value: (uint)orientation << 16); // a SHORT sits in the high half
        Entry(span[22..], tag: 0x013B, type: 2, count: 16, value: 104);                    // Artist, ASCII at 104
        Entry(span[34..], tag: 0x8825, type: 4, count: 1, value: 50);                      // GPS IFD at 50
        // GPS IFD at 50: latitude reference and latitude.
        BinaryPrimitives.WriteUInt16BigEndian(span[50..], 2);
        Entry(span[52..], tag: 0x0001, type: 2, count: 2, value: 0x4E000000);              // "N"
        Entry(span[64..], tag: 0x0002, type: 5, count: 3, value: 80);                      // three RATIONALs at 80
        GpsLatitudeBytes.CopyTo(span[80..]);
        Encoding.ASCII.GetBytes(ExifSecret + "\0").CopyTo(span[104..]);

        var segment = new MemoryStream();
        segment.Write([0xFF, 0xE1]);
        var length = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(2 + 6 + tiff.Length));
        segment.Write(length);
        segment.Write("Exif\0\0"u8);
        segment.Write(tiff);
        return [.. jpeg[..2], .. segment.ToArray(), .. jpeg[2..]];
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    /// <summary>The JPEG with the size in its frame header changed: a header that promises more than the data holds.</summary>
    public static byte[] WithDeclaredSize(byte[] jpeg, int width, int height)
    {
        var copy = jpeg.ToArray();
        for (var i = 2; i + 9 < copy.Length; i++)
        {
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
                return copy;
            }
        }
        throw new InvalidOperationException("no frame header");
    }

    /// <summary>A valid PNG of a few hundred bytes that declares <paramref name="width"/> × <paramref name="height"/>
    /// pixels: its IDAT is a compressed run of zeros, as in a decompression bomb.</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(png, "IHDR", header);
        var zeros = new MemoryStream();
        using (var zlib = new ZLibStream(zeros, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[1 << 20]);
        }
        Chunk(png, "IDAT", zeros.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var field = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(field, (uint)data.Length);
        png.Write(field);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(field, Crc32(typed));
        png.Write(field);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }

    /// <summary>
    /// A GIF of <paramref name="frames"/> frames (each a different colour), with a comment, an XMP block and
    /// bytes after its trailer when <paramref name="metadata"/> is set. The pixels are stored with 8-bit LZW
    /// codes and a clear code every 100 pixels, so no compressor is needed.
    /// </summary>
    public static byte[] Gif(int width, int height, int frames, bool metadata = false)
    {
        var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteShort(gif, width);
        WriteShort(gif, height);
        gif.Write([0xF6, 0, 0]); // global table of 128 colours
        for (var i = 0; i < 128; i++)
        {
            gif.Write([(byte)(i * 2), (byte)(255 - i * 2), (byte)(i * 37 % 256)]);
        }
        if (frames > 1)
        {
            gif.Write([0x21, 0xFF, 11, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0]);
        }
        if (metadata)
        {
            gif.Write([0x21, 0xFE, (byte)ExifSecret.Length, .. Encoding.ASCII.GetBytes(ExifSecret), 0]);
            var xmp = Encoding.ASCII.GetBytes("<x:xmpmeta>GPS 51.5</x:xmpmeta>");
            gif.Write([0x21, 0xFF, 11, .. "XMP DataXMP"u8, (byte)xmp.Length, .. xmp, 0]);
        }
        for (var frame = 0; frame < frames; frame++)
        {
            gif.Write([0x21, 0xF9, 4, 0x04, 10, 0, 0, 0]); // 0.1 s a frame
            gif.Write([0x2C, 0, 0, 0, 0]);
            WriteShort(gif, width);
            WriteShort(gif, height);
            gif.WriteByte(0);
            gif.WriteByte(7); // LZW minimum code size: codes start 8 bits wide
            WriteSubBlocks(gif, PixelCodes(width * height, (byte)(frame * 40 % 128)));
        }
        gif.WriteByte(0x3B);
        if (metadata)
        {
            gif.Write(Encoding.ASCII.GetBytes("appended " + ExifSecret));
        }
        return gif.ToArray();
    }

    private static byte[] PixelCodes(int pixels, byte colour)
    {
        const byte clear = 128, end = 129;
        var codes = new List<byte>();
        for (var i = 0; i < pixels; i++)
        {
            if (i % 100 == 0)
            {
                codes.Add(clear);
            }
            codes.Add(colour);
        }
        codes.Add(end);
        return [.. codes];
    }

    private static void WriteSubBlocks(Stream gif, byte[] data)
    {
        for (var i = 0; i < data.Length; i += 255)
        {
            var size = Math.Min(255, data.Length - i);
            gif.WriteByte((byte)size);
            gif.Write(data, i, size);
        }
        gif.WriteByte(0);
    }

    private static void WriteShort(Stream stream, int value)
    {
        stream.WriteByte((byte)value);
        stream.WriteByte((byte)(value >> 8));
    }

    public static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public static bool Contains(byte[] haystack, string needle) => Contains(haystack, Encoding.ASCII.GetBytes(needle));

    /// <summary>Decodes a published file fully, as a browser would.</summary>
    public static SKBitmap Decode(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidOperationException($"{path} is not an image");
        var bitmap = new SKBitmap(codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Unpremul));
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        return bitmap;
    }
}
