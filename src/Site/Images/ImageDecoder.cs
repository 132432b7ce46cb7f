using SkiaSharp;

namespace Site.Images;

/// <summary>Decodes an image's pixels, already converted to sRGB, as stored (before orientation).</summary>
internal static class ImageDecoder
{
    /// <summary>
    /// The size to decode at to get at least <paramref name="minStoredWidth"/> pixels across. A JPEG is
    /// decoded at a reduced scale when that is still wide enough: its DCT scaling is fast and averages
    /// well, so a 10-megapixel photo needed at 1,600 pixels is decoded at half size, a quarter of the
    /// pixels. Other formats decode at full size.
    /// </summary>
    public static SKSizeI DecodeSize(SKCodec codec, int minStoredWidth)
    {
        var full = codec.Info.Size;
        // libjpeg-turbo scales by eighths; ask for each in turn and keep the smallest that is wide enough.
        for (var eighths = 1; eighths < 8 && minStoredWidth < full.Width; eighths++)
        {
            var scaled = codec.GetScaledDimensions(eighths / 8f);
            if (scaled.Width >= minStoredWidth && scaled.Width < full.Width && scaled.Height > 0)
            {
                return scaled;
            }
        }
        return full;
    }

    public static (SKBitmap? Bitmap, ImageProblem? Problem) Decode(SKCodec codec, SKSizeI size)
    {
        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            return (bitmap, null);
        }
        bitmap.Dispose();
        var message = result == SKCodecResult.IncompleteInput
            ? "the image data is cut short (the file is truncated)"
            : $"the image data is damaged ({result})";
        return (null, new ImageProblem(ImageProblemKind.Corrupt, message));
    }
}
