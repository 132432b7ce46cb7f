using SkiaSharp;

namespace Site.Images;

/// <summary>
/// Encodes pixels with nothing but pixels: the output carries no EXIF (no GPS position, no camera
/// serial), no XMP and no colour profile, because the pixels were converted to sRGB when decoded and
/// an untagged image is sRGB to every browser.
/// </summary>
internal static class ImageEncoder
{
    /// <summary>The encoded bytes, or null when the format cannot hold the image (WebP stops at 16,383 pixels a side).</summary>
    public static byte[]? Encode(SKBitmap bitmap, VariantSpec spec)
    {
        using var tagged = bitmap.PeekPixels();
        // The same pixels without their colour space: encoders embed an ICC profile for any space they are given.
        using var pixels = new SKPixmap(tagged.Info.WithColorSpace(null!), tagged.GetPixels(), tagged.RowBytes);
        using var data = spec.Format switch
        {
            ImageFormat.Jpeg => pixels.Encode(new SKJpegEncoderOptions(
                spec.Quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.BlendOnBlack)),
            ImageFormat.Png => pixels.Encode(SKPngEncoderOptions.Default),
            ImageFormat.WebP => pixels.Encode(new SKWebpEncoderOptions(
                spec.Lossless ? SKWebpEncoderCompression.Lossless : SKWebpEncoderCompression.Lossy, spec.Quality)),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), $"no encoder for {spec.Format}"),
        };
        return data?.ToArray();
    }
}
