using System.Globalization;
using SkiaSharp;

namespace Site.Images;

internal sealed record ProbeResult(ImageInfo? Info, ImageProblem? Problem);

/// <summary>
/// Reads what an image is from its header alone: format, displayed size, orientation, frames. No pixel
/// is decoded here, so a file that declares a huge size is refused before any buffer is allocated.
/// </summary>
internal static class ImageProbe
{
    public static ProbeResult Probe(string path, ImageLimits limits)
    {
        var (bytes, problem) = ReadFile(path, limits);
        return problem is null ? Probe(bytes!, path, limits) : new ProbeResult(null, problem);
    }

    /// <param name="path">Used for its extension (a PNG named .jpg is a problem) and in messages.</param>
    public static ProbeResult Probe(byte[] bytes, string path, ImageLimits limits)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = bytes.Length > 0 ? SKCodec.Create(data) : null;
        return Inspect(codec, bytes, path, limits);
    }

    /// <summary>The probe proper, on a codec the caller keeps to decode with (null when none recognised the bytes).</summary>
    public static ProbeResult Inspect(SKCodec? codec, byte[] bytes, string path, ImageLimits limits)
    {
        if (bytes.Length == 0)
        {
            return Fail(ImageProblemKind.Empty, "the file is empty");
        }
        if (bytes.Length > limits.MaxFileBytes)
        {
            return Fail(ImageProblemKind.FileTooLarge, FileTooLargeMessage(bytes.Length, limits));
        }
        if (codec is null)
        {
            return Fail(ImageProblemKind.NotAnImage, NotAnImageMessage(bytes));
        }
        if (Supported(codec.EncodedFormat) is not { } format)
        {
            return Fail(ImageProblemKind.NotAnImage,
                $"{codec.EncodedFormat.ToString().ToUpperInvariant()} images are not supported: use JPEG, PNG, WebP or GIF");
        }
        if (ImageFormatExtensions.FromExtension(path) is { } promised && promised != format)
        {
            return Fail(ImageProblemKind.WrongExtension,
                $"the file is a {Name(format)} image but its name ends in '{Path.GetExtension(path)}': rename it to '{format.Extension()}'");
        }
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (SizeProblem(width, height, limits) is { } sizeProblem)
        {
            return new ProbeResult(null, sizeProblem);
        }
        var orientation = (int)codec.EncodedOrigin is >= 1 and <= 8 and var o ? o : 1;
        var transposed = orientation >= 5;
        var info = new ImageInfo(format, transposed ? height : width, transposed ? width : height,
            bytes.Length, orientation, Math.Max(1, codec.FrameCount));
        return new ProbeResult(info, null);
    }

    /// <summary>Reads a whole image file, refusing one over the size limit before reading it.</summary>
    public static (byte[]? Bytes, ImageProblem? Problem) ReadFile(string path, ImageLimits limits)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return (null, new ImageProblem(ImageProblemKind.Unreadable, "the file does not exist"));
            }
            if (file.Length > limits.MaxFileBytes)
            {
                return (null, new ImageProblem(ImageProblemKind.FileTooLarge, FileTooLargeMessage(file.Length, limits)));
            }
            return (File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new ImageProblem(ImageProblemKind.Unreadable, $"the file cannot be read: {e.Message}"));
        }
    }

    private static ImageProblem? SizeProblem(int width, int height, ImageLimits limits)
    {
        var pixels = (long)width * height;
        if (pixels > limits.MaxPixels)
        {
            return new ImageProblem(ImageProblemKind.TooManyPixels,
                $"{Size(width, height)} is {Megapixels(pixels)} megapixels, over the limit of {Megapixels(limits.MaxPixels)}");
        }
        if (Math.Max(width, height) > limits.MaxSide)
        {
            return new ImageProblem(ImageProblemKind.TooWide,
                $"{Size(width, height)} is over the limit of {limits.MaxSide.ToString("N0", CultureInfo.InvariantCulture)} pixels a side");
        }
        return null;
    }

    private static ImageFormat? Supported(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => ImageFormat.Jpeg,
        SKEncodedImageFormat.Png => ImageFormat.Png,
        SKEncodedImageFormat.Webp => ImageFormat.WebP,
        SKEncodedImageFormat.Gif => ImageFormat.Gif,
        _ => null,
    };

    /// <summary>Names the likely mix-up when the bytes are no image a codec recognises.</summary>
    private static string NotAnImageMessage(byte[] bytes)
    {
        var head = System.Text.Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 256)).TrimStart();
        if (head.Contains("<svg", StringComparison.OrdinalIgnoreCase))
        {
            return "the file is an SVG drawing, not a raster image: give it the extension '.svg'";
        }
        if (bytes.Length >= 12 && System.Text.Encoding.Latin1.GetString(bytes, 4, 8) is "ftypheic" or "ftypheix" or "ftypmif1" or "ftypavif")
        {
            return "HEIC/AVIF images are not supported: export the photo as JPEG";
        }
        return "the file is not a JPEG, PNG, WebP or GIF image (it may be damaged or have the wrong extension)";
    }

    private static ProbeResult Fail(ImageProblemKind kind, string message) => new(null, new ImageProblem(kind, message));

    private static string FileTooLargeMessage(long length, ImageLimits limits) =>
        $"the file is {Megabytes(length)} MB, over the limit of {Megabytes(limits.MaxFileBytes)} MB";

    internal static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Png => "PNG",
        ImageFormat.WebP => "WebP",
        _ => "GIF",
    };

    private static string Size(int width, int height) =>
        string.Create(CultureInfo.InvariantCulture, $"{width:N0} × {height:N0} pixels");

    private static string Megapixels(long pixels) => (pixels / 1e6).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
}
