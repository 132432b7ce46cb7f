namespace Site.Images;

/// <summary>One file to make from a source image: its displayed size, format and encoder setting.</summary>
/// <param name="Quality">Lossy quality (0–100), or the effort of a lossless encoder.</param>
internal sealed record VariantSpec(int Width, int Height, ImageFormat Format, bool Lossless, int Quality);
