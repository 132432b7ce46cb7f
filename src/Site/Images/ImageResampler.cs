using SkiaSharp;

namespace Site.Images;

/// <summary>Downscaling and EXIF orientation, in that order, so the turn is done on the small image.</summary>
internal static class ImageResampler
{
    private static readonly SKSamplingOptions Halving = new(SKFilterMode.Linear, SKMipmapMode.None);

    // Mitchell–Netravali (B = C = 1/3): sharp without the ringing of Catmull–Rom around text and edges.
    private static readonly SKSamplingOptions Final = new(SKCubicResampler.Mitchell);

    /// <summary>
    /// Halves while the image is at least twice the target (a linear sample at exactly half size is a
    /// 2×2 box average, so every source pixel counts), then one cubic step to the exact size. A single
    /// cubic step over a large ratio would skip most source pixels and alias.
    /// </summary>
    /// <returns>A new bitmap, the caller's to dispose; <paramref name="source"/> is left as it is.</returns>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var current = source;
        while (current.Width >= 2 * width && current.Height >= 2 * height)
        {
            current = Step(current, source, current.Width / 2, current.Height / 2, Halving);
        }
        if (current.Width == width && current.Height == height)
        {
            return current == source ? source.Copy() : current; // a cubic pass at 1:1 would soften the image
        }
        return Step(current, source, width, height, Final);
    }

    /// <summary>Turns and flips stored pixels to how the image is displayed. Orientation 1 returns the same bitmap.</summary>
    public static SKBitmap Orient(SKBitmap source, int orientation)
    {
        if (orientation is < 2 or > 8)
        {
            return source;
        }
        var (w, h) = (source.Width, source.Height);
        var transposed = orientation >= 5;
        var oriented = new SKBitmap(source.Info.WithSize(transposed ? h : w, transposed ? w : h));
        using var canvas = new SKCanvas(oriented);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(StoredToDisplayed(orientation, w, h));
        // Whole-pixel moves only: nearest sampling copies pixels exactly.
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return oriented;
    }

    /// <summary>Maps stored (x, y) to displayed (x', y') for an EXIF orientation; w and h are the stored size.</summary>
    private static SKMatrix StoredToDisplayed(int orientation, int w, int h) => orientation switch
    {
        2 => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),  // mirrored left–right
        3 => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1), // turned 180°
        4 => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),  // mirrored top–bottom
        5 => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),   // transposed
        6 => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),  // stored a quarter turn left: turn right
        7 => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1), // transversed
        _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),  // 8: stored a quarter turn right: turn left
    };

    private static SKBitmap Step(SKBitmap current, SKBitmap source, int width, int height, SKSamplingOptions sampling)
    {
        var next = new SKBitmap(current.Info.WithSize(Math.Max(1, width), Math.Max(1, height)));
        if (!current.ScalePixels(next, sampling))
        {
            next.Dispose();
            throw new InvalidOperationException($"SkiaSharp could not scale {current.Width}×{current.Height} to {width}×{height}");
        }
        if (current != source)
        {
            current.Dispose();
        }
        return next;
    }
}
