namespace Site.Images;

/// <summary>Everything the site decides about its images. Each value that changes output is part of the cache key.</summary>
internal sealed record ImageSettings
{
    public static readonly ImageSettings Default = new();

    /// <summary>Widths of the responsive variants, in CSS pixels at 1x. An image is never enlarged.</summary>
    public IReadOnlyList<int> Widths { get; init; } = [480, 960, 1600];

    public int JpegQuality { get; init; } = 82;

    /// <summary>For lossy WebP only; a lossless source (PNG, GIF) gets lossless WebP.</summary>
    public int WebPQuality { get; init; } = 80;

    public ImageLimits Limits { get; init; } = ImageLimits.Default;

    public int MaxWidth => Widths.Max();
}
