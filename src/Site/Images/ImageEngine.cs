using SkiaSharp;

namespace Site.Images;

/// <summary>
/// Turns one source image into its published files: probe the header, look every variant up in the
/// cache, and only when one is missing decode once, resample, orient and encode what is missing. It never
/// hands back the original of a still image (so never one larger than the largest width, and never its
/// metadata); an animated image is handed back as it is, less its metadata, when it is narrow enough.
/// </summary>
internal sealed class ImageEngine(ImageCache cache, ImageSettings settings)
{
    public ImageSettings Settings => settings;

    public ImageResult Process(string sourcePath)
    {
        var (bytes, readProblem) = ImageProbe.ReadFile(sourcePath, settings.Limits);
        if (bytes is null)
        {
            return ImageResult.Failed(readProblem!);
        }
        using var data = SKData.CreateCopy(bytes);
        using var codec = bytes.Length > 0 ? SKCodec.Create(data) : null;
        var probe = ImageProbe.Inspect(codec, bytes, sourcePath, settings.Limits);
        if (probe.Info is not { } info)
        {
            return ImageResult.Failed(probe.Problem!);
        }
        var source = new Source(bytes, ImageCacheKey.SourceHash(bytes), Path.GetFileNameWithoutExtension(sourcePath), info);
        try
        {
            return info.IsAnimated ? PublishAsIs(source) : MakeVariants(source, codec!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ImageResult.Failed(new ImageProblem(ImageProblemKind.CacheFailed,
                $"cannot write the image cache in '{cache.Folder}': {e.Message}"), info);
        }
    }

    private sealed record Source(byte[] Bytes, string Hash, string Stem, ImageInfo Info);

    private ImageResult MakeVariants(Source source, SKCodec codec)
    {
        var info = source.Info;
        var lossless = info.Format == ImageFormat.WebP && WebPFile.IsLossless(source.Bytes);
        var primary = VariantPlan.Primary(info, lossless, settings);
        var webP = VariantPlan.WebP(info, lossless, settings);
        // Decoded at the size the largest variant needs, whichever are cached: the same key, the same bytes.
        var decodeSize = ImageDecoder.DecodeSize(codec, Stored(info, primary[^1]).Width);
        var keys = primary.Concat(webP).ToDictionary(spec => spec, spec => ImageCacheKey.For(source.Hash, decodeSize, spec));
        var entries = keys.ToDictionary(pair => pair.Key, pair => cache.TryGet(pair.Value, pair.Key.Format.Extension()));
        var work = new ImageWork(0, 0, entries.Values.Count(entry => entry is not null));
        var missing = entries.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList();
        if (missing.Count > 0)
        {
            var (bitmap, problem) = ImageDecoder.Decode(codec, decodeSize);
            if (bitmap is null)
            {
                return ImageResult.Failed(problem!, info, work with { Decodes = 1 });
            }
            using (bitmap)
            {
                // One resample per size, shared by its JPEG (or PNG) and its WebP.
                foreach (var sameSize in missing.GroupBy(spec => (spec.Width, spec.Height)))
                {
                    foreach (var (spec, encoded) in Render(bitmap, info, [.. sameSize]))
                    {
                        entries[spec] = encoded is null ? null : cache.Put(keys[spec], spec.Format.Extension(), encoded);
                    }
                }
            }
            work = work with { Decodes = 1, Encodes = missing.Count };
        }
        if (primary.Any(spec => entries[spec] is null))
        {
            return ImageResult.Failed(new ImageProblem(ImageProblemKind.Corrupt,
                $"the image could not be encoded as {ImageProbe.Name(primary[0].Format)}"), info, work);
        }
        var primaryVariants = primary.Select(spec => Variant(source.Stem, spec, entries[spec]!)).ToList();
        // WebP for every width or for none: a <picture> source that stops short of the largest width would cap the resolution.
        var offerWebP = webP.Count > 0 && webP.Zip(primary).All(pair => entries[pair.First]?.Length < entries[pair.Second]!.Length);
        var webPVariants = offerWebP ? webP.Select(spec => Variant(source.Stem, spec, entries[spec]!)).ToList() : [];
        return new ImageResult(info, primaryVariants, webPVariants, null, work);
    }

    private ImageResult PublishAsIs(Source source)
    {
        var info = source.Info;
        if (info.Width > settings.MaxWidth)
        {
            return ImageResult.Failed(new ImageProblem(ImageProblemKind.AnimationTooWide,
                $"an animated image is published as it is, so it must be at most {settings.MaxWidth} pixels wide; this one is {info.Width}"), info);
        }
        var key = ImageCacheKey.AsIs(source.Hash, info.Format);
        var entry = cache.TryGet(key, info.Format.Extension());
        var work = new ImageWork(0, 0, entry is null ? 0 : 1);
        if (entry is null)
        {
            var stripped = info.Format == ImageFormat.Gif ? GifFile.StripMetadata(source.Bytes) : WebPFile.StripMetadata(source.Bytes);
            if (stripped is null)
            {
                return ImageResult.Failed(new ImageProblem(ImageProblemKind.Corrupt, "the animation's data is damaged or cut short"), info);
            }
            entry = cache.Put(key, info.Format.Extension(), stripped);
            work = work with { Encodes = 1 };
        }
        var variant = new ImageVariant(source.Stem + info.Format.Extension(), info.Format, info.Width, info.Height, entry.Path, entry.Length);
        return new ImageResult(info, [variant], [], null, work);
    }

    /// <summary>Resamples in stored orientation (the size turned back), then orients and encodes each spec of that size.</summary>
    private static List<(VariantSpec Spec, byte[]? Encoded)> Render(SKBitmap decoded, ImageInfo info, IReadOnlyList<VariantSpec> sameSize)
    {
        var stored = Stored(info, sameSize[0]);
        using var resized = ImageResampler.Resize(decoded, stored.Width, stored.Height);
        var oriented = ImageResampler.Orient(resized, info.Orientation);
        try
        {
            return [.. sameSize.Select(spec => (spec, ImageEncoder.Encode(oriented, spec)))];
        }
        finally
        {
            if (oriented != resized)
            {
                oriented.Dispose();
            }
        }
    }

    private static SKSizeI Stored(ImageInfo info, VariantSpec spec) =>
        info.IsTransposed ? new SKSizeI(spec.Height, spec.Width) : new SKSizeI(spec.Width, spec.Height);

    private static ImageVariant Variant(string stem, VariantSpec spec, CacheEntry entry) =>
        new($"{stem}-{spec.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)}{spec.Format.Extension()}",
            spec.Format, spec.Width, spec.Height, entry.Path, entry.Length);
}
