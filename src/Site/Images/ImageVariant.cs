namespace Site.Images;

/// <summary>One published file of an image.</summary>
/// <param name="FileName">Stable and readable: "photo-960.jpg", "photo-960.webp".</param>
/// <param name="CachedFile">Where its bytes are: a verified cache entry, to copy into the output.</param>
internal sealed record ImageVariant(string FileName, ImageFormat Format, int Width, int Height, string CachedFile, long Length);
