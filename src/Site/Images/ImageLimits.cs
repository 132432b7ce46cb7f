namespace Site.Images;

/// <summary>
/// What the engine agrees to decode. The defaults let through a 102-megapixel medium-format photo
/// (11,648 × 8,736) and a long panorama, and refuse a decompression bomb from its header alone.
/// </summary>
internal sealed record ImageLimits
{
    public static readonly ImageLimits Default = new();

    public long MaxFileBytes { get; init; } = 100 * 1024 * 1024;

    /// <summary>Width × height as stored. A decoded RGBA pixel takes 4 bytes: 120 MP is at most 480 MB.</summary>
    public long MaxPixels { get; init; } = 120_000_000;

    public int MaxSide { get; init; } = 32_000;
}
