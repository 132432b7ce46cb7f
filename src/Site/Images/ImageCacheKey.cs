using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SkiaSharp;

namespace Site.Images;

/// <summary>
/// Names a cache entry by everything that decides its bytes: the source's content and every output
/// setting, the SkiaSharp build, and <see cref="PipelineVersion"/>. Raise that constant whenever the
/// engine's own processing changes (resampling, colour handling, metadata policy), so old entries
/// stop matching instead of being published.
/// </summary>
internal static class ImageCacheKey
{
    public const int PipelineVersion = 1;

    private static readonly string Engine =
        $"site-images/{PipelineVersion} skiasharp/{typeof(SKCodec).Assembly.GetName().Version} native/{SkiaSharpVersion.Native}";

    // SHA-256 rather than the build cache's ContentHash: entries are kept by these names across builds and
    // versions of Site (and may be shared between machines), and a variant's name is published.
    public static string SourceHash(ReadOnlySpan<byte> source) => Convert.ToHexStringLower(SHA256.HashData(source));

    /// <param name="decoded">The size the source is decoded at (a JPEG may be decoded scaled down): each
    /// variant is resampled from it, so it decides the variant's bytes too.</param>
    public static string For(string sourceHash, SKSizeI decoded, VariantSpec spec) =>
        Hash(string.Create(CultureInfo.InvariantCulture,
            $"{Engine}|{sourceHash}|from={decoded.Width}x{decoded.Height}|{spec.Format}|{spec.Width}x{spec.Height}|lossless={spec.Lossless}|q={spec.Quality}"));

    /// <summary>An animated image is published as it is, less its metadata.</summary>
    public static string AsIs(string sourceHash, ImageFormat format) => Hash($"{Engine}|{sourceHash}|{format}|as-is");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
