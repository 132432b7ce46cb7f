namespace Site.Images;

/// <summary>The raster formats the engine reads. SVG is vector and goes through <see cref="SvgSafety"/> instead.</summary>
internal enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
}

internal static class ImageFormatExtensions
{
    /// <summary>The extension written for this format: one spelling per format, so names are predictable.</summary>
    public static string Extension(this ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => ".jpg",
        ImageFormat.Png => ".png",
        ImageFormat.WebP => ".webp",
        ImageFormat.Gif => ".gif",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format a file's extension promises, or null when it names no raster format we read.</summary>
    public static ImageFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => ImageFormat.Jpeg,
        ".png" => ImageFormat.Png,
        ".webp" => ImageFormat.WebP,
        ".gif" => ImageFormat.Gif,
        _ => null,
    };
}
