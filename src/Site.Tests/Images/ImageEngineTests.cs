using SkiaSharp;
using Site.Images;
using Site.Tests.Support;

namespace Site.Tests.Images;

public sealed class ImageEngineTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private ImageEngine Engine(string cache = "cache") => new(new ImageCache(_folder.Combine(cache)), ImageSettings.Default);

    [Fact]
    public void A_large_photo_gets_three_widths_in_jpeg_and_webp_that_decode_to_their_sizes()
    {
        var source = _folder.WriteBytes("content/photo.jpg", TestImages.Jpeg(2400, 1600));

        var result = Engine().Process(source);

        Assert.Null(result.Problem);
        Assert.Equal(["photo-480.jpg", "photo-960.jpg", "photo-1600.jpg"], result.Primary.Select(v => v.FileName));
        Assert.Equal(["photo-480.webp", "photo-960.webp", "photo-1600.webp"], result.WebP.Select(v => v.FileName));
        Assert.Equal("photo-1600.jpg", result.Fallback!.FileName);
        foreach (var variant in result.All)
        {
            using var decoded = TestImages.Decode(variant.CachedFile);
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
            Assert.Equal(Math.Round(variant.Width * 2 / 3.0, MidpointRounding.AwayFromZero), variant.Height);
            Assert.Equal(new FileInfo(variant.CachedFile).Length, variant.Length);
            using var codec = SKCodec.Create(variant.CachedFile);
            Assert.Equal(variant.Format == ImageFormat.Jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Webp, codec.EncodedFormat);
        }
        Assert.All(result.WebP.Zip(result.Primary), pair => Assert.True(pair.First.Length < pair.Second.Length));
    }

    [Theory]
    [InlineData(300, new[] { 300 })]
    [InlineData(1200, new[] { 480, 960, 1200 })]
    [InlineData(1600, new[] { 480, 960, 1600 })]
    [InlineData(6000, new[] { 480, 960, 1600 })]
    public void An_image_is_never_enlarged_and_never_published_wider_than_the_largest_width(int width, int[] widths)
    {
        var source = _folder.WriteBytes("wide.png", TestImages.Png(width, 100));

        var result = Engine().Process(source);

        Assert.Equal(widths, result.Primary.Select(v => v.Width));
        Assert.All(result.All, v => Assert.True(v.Width <= 1600));
        foreach (var variant in result.All)
        {
            using var decoded = TestImages.Decode(variant.CachedFile);
            Assert.Equal((variant.Width, variant.Height), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public void A_photo_stored_sideways_is_published_upright()
    {
        // Stored 400 × 200, left half red; orientation 6 means "turn a quarter right to display".
        using var stored = TestImages.Halves(400, 200);
        var source = _folder.WriteBytes("sideways.jpg", TestImages.WithExif(TestImages.Jpeg(stored), orientation: 6));

        var result = Engine().Process(source);

        var variant = Assert.Single(result.Primary);
        Assert.Equal((200, 400), (variant.Width, variant.Height));
        using var decoded = TestImages.Decode(variant.CachedFile);
        Assert.Equal((200, 400), (decoded.Width, decoded.Height));
        var top = decoded.GetPixel(100, 50);
        var bottom = decoded.GetPixel(100, 350);
        Assert.True(top.Red > 200 && top.Blue < 60, $"top is {top}, not red");
        Assert.True(bottom.Blue > 200 && bottom.Red < 60, $"bottom is {bottom}, not blue");
    }

    [Fact]
    public void No_variant_carries_exif_gps_xmp_or_a_colour_profile()
    {
        var source = _folder.WriteBytes("reporter.jpg", TestImages.WithExif(TestImages.Jpeg(2000, 1500), orientation: 1));
        Assert.True(TestImages.Contains(File.ReadAllBytes(source), TestImages.GpsLatitudeBytes));

        var result = Engine().Process(source);

        Assert.Equal(6, result.All.Count());
        foreach (var variant in result.All)
        {
            var bytes = File.ReadAllBytes(variant.CachedFile);
            Assert.False(TestImages.Contains(bytes, "Exif"), $"{variant.FileName} has an EXIF block");
            Assert.False(TestImages.Contains(bytes, "EXIF"), $"{variant.FileName} has an EXIF chunk");
            Assert.False(TestImages.Contains(bytes, TestImages.GpsLatitudeBytes), $"{variant.FileName} has the GPS position");
            Assert.False(TestImages.Contains(bytes, TestImages.ExifSecret), $"{variant.FileName} has the EXIF artist");
            Assert.False(TestImages.Contains(bytes, "http://ns.adobe.com/xap"), $"{variant.FileName} has XMP");
            Assert.False(TestImages.Contains(bytes, "ICC_PROFILE") || TestImages.Contains(bytes, "ICCP"), $"{variant.FileName} has a colour profile");
        }
    }

    [Fact]
    public void A_png_stays_lossless_and_keeps_its_transparency()
    {
        using var photo = TestImages.Photo(1000, 600, alpha: true);
        var source = _folder.WriteBytes("logo.png", TestImages.Png(photo));

        var result = Engine().Process(source);

        Assert.Equal(["logo-480.png", "logo-960.png", "logo-1000.png"], result.Primary.Select(v => v.FileName));
        using var decoded = TestImages.Decode(result.Fallback!.CachedFile);
        Assert.Equal(0, decoded.GetPixel(5, 5).Alpha);
        Assert.Equal(255, decoded.GetPixel(500, 300).Alpha);
        Assert.Equal(photo.GetPixel(500, 300), decoded.GetPixel(500, 300)); // same size: every pixel as it was
        foreach (var webP in result.WebP)
        {
            var bytes = File.ReadAllBytes(webP.CachedFile);
            Assert.True(TestImages.Contains(bytes, "VP8L"), $"{webP.FileName} is not lossless");
        }
    }

    [Fact]
    public void A_still_gif_becomes_png_and_a_webp_source_stays_webp()
    {
        var gif = Engine().Process(_folder.WriteBytes("chart.gif", TestImages.Gif(300, 200, frames: 1)));
        using var photo = TestImages.Photo(700, 400);
        var webP = Engine().Process(_folder.WriteBytes("street.webp", TestImages.WebP(photo)));

        Assert.Equal(["chart-300.png"], gif.Primary.Select(v => v.FileName));
        Assert.Equal(["street-480.webp", "street-700.webp"], webP.Primary.Select(v => v.FileName));
        Assert.Empty(webP.WebP);
    }

    [Fact]
    public void The_same_image_gives_the_same_bytes_in_two_separate_runs()
    {
        var source = _folder.WriteBytes("photo.jpg", TestImages.WithExif(TestImages.Jpeg(1800, 1200), orientation: 8));

        var first = Engine("cache-a").Process(source);
        var second = Engine("cache-b").Process(source);

        Assert.Equal(first.All.Select(v => v.FileName), second.All.Select(v => v.FileName));
        foreach (var (a, b) in first.All.Zip(second.All))
        {
            Assert.NotEqual(a.CachedFile, b.CachedFile);
            Assert.Equal(File.ReadAllBytes(a.CachedFile), File.ReadAllBytes(b.CachedFile));
        }
    }

    [Fact]
    public void A_second_build_takes_every_variant_from_the_cache_without_decoding_or_encoding()
    {
        var bytes = TestImages.Jpeg(2000, 1000);
        var source = _folder.WriteBytes("a/photo.jpg", bytes);
        var engine = Engine();

        var first = engine.Process(source);
        // The same bytes under another name and folder: the cache is keyed by content.
        File.Delete(source);
        var copy = _folder.WriteBytes("b/renamed.jpg", bytes);
        var second = engine.Process(copy);

        Assert.Equal(new ImageWork(Decodes: 1, Encodes: 6, CacheHits: 0), first.Work);
        Assert.Equal(new ImageWork(Decodes: 0, Encodes: 0, CacheHits: 6), second.Work);
        Assert.Equal(first.All.Select(v => v.CachedFile), second.All.Select(v => v.CachedFile));
        Assert.Equal(["renamed-480.jpg", "renamed-960.jpg", "renamed-1600.jpg"], second.Primary.Select(v => v.FileName));
    }

    [Fact]
    public void A_changed_setting_misses_the_cache()
    {
        var source = _folder.WriteBytes("photo.jpg", TestImages.Jpeg(1000, 500));
        var cache = new ImageCache(_folder.Combine("cache"));
        new ImageEngine(cache, ImageSettings.Default).Process(source);

        var sharper = new ImageEngine(cache, ImageSettings.Default with { JpegQuality = 95 }).Process(source);

        Assert.Equal(new ImageWork(Decodes: 1, Encodes: 3, CacheHits: 3), sharper.Work); // only the JPEGs change
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("flipped byte")]
    [InlineData("sum missing")]
    public void A_damaged_cache_entry_is_ignored_and_made_again(string damage)
    {
        var source = _folder.WriteBytes("photo.jpg", TestImages.Jpeg(1200, 800));
        var engine = Engine();
        var first = engine.Process(source);
        var victim = first.Primary[1].CachedFile;
        var good = File.ReadAllBytes(victim);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(victim, good[..(good.Length / 2)]);
                break;
            case "flipped byte":
                File.WriteAllBytes(victim, [.. good[..100], (byte)(good[100] ^ 0x40), .. good[101..]]);
                break;
            default:
                File.Delete(victim + ".sum");
                break;
        }

        var second = engine.Process(source);

        Assert.Equal(new ImageWork(Decodes: 1, Encodes: 1, CacheHits: 5), second.Work);
        Assert.Equal(good, File.ReadAllBytes(second.Primary[1].CachedFile));
    }

    [Fact]
    public void Parallel_builds_sharing_one_cache_agree_and_leave_no_temporary_files()
    {
        var sources = Enumerable.Range(0, 3).Select(i => _folder.WriteBytes($"photo{i}.jpg", TestImages.Jpeg(1700 + i * 10, 900))).ToList();

        // Four builds at once, each with its own cache object on the same folder, as separate processes would.
        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => sources.Select(Engine().Process).ToList())
            .ToList();

        var reference = results[0];
        Assert.All(results.SelectMany(r => r), r => Assert.Null(r.Problem));
        foreach (var run in results)
        {
            foreach (var (a, b) in run.SelectMany(r => r.All).Zip(reference.SelectMany(r => r.All)))
            {
                Assert.Equal(a.CachedFile, b.CachedFile);
                Assert.Equal(a.Length, new FileInfo(b.CachedFile).Length);
            }
        }
        Assert.Empty(Directory.EnumerateFiles(_folder.Combine("cache"), "*.tmp", SearchOption.AllDirectories));
        Assert.All(results.SelectMany(r => r), r => Assert.NotNull(new ImageCache(_folder.Combine("cache")).TryGet(
            Path.GetFileNameWithoutExtension(r.Fallback!.CachedFile), ".jpg")));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_without_decoding()
    {
        var result = Engine().Process(_folder.WriteBytes("bomb.png", TestImages.PngHeader(100_000, 100_000)));

        Assert.Equal(ImageProblemKind.TooManyPixels, result.Problem!.Kind);
        Assert.Equal(ImageWork.None, result.Work);
        Assert.Empty(result.All);
    }

    [Theory]
    [InlineData("cut.jpg")]
    [InlineData("cut.png")]
    public void A_truncated_image_is_a_problem(string name)
    {
        var whole = name.EndsWith(".jpg", StringComparison.Ordinal) ? TestImages.Jpeg(800, 600) : TestImages.Png(800, 600);

        var result = Engine().Process(_folder.WriteBytes(name, whole[..(whole.Length * 2 / 3)]));

        Assert.Equal(ImageProblemKind.Corrupt, result.Problem!.Kind);
        Assert.Empty(result.All);
        Assert.Equal(1, result.Work.Decodes);
    }

    [Fact]
    public void An_animated_gif_is_published_as_it_is_without_its_metadata()
    {
        var source = _folder.WriteBytes("loop.gif", TestImages.Gif(120, 80, frames: 3, metadata: true));

        var result = Engine().Process(source);

        var variant = Assert.Single(result.All);
        Assert.Equal(("loop.gif", 120, 80), (variant.FileName, variant.Width, variant.Height));
        var bytes = File.ReadAllBytes(variant.CachedFile);
        Assert.False(TestImages.Contains(bytes, TestImages.ExifSecret));
        Assert.False(TestImages.Contains(bytes, "xmpmeta"));
        Assert.True(TestImages.Contains(bytes, "NETSCAPE2.0"));
        using var codec = SKCodec.Create(variant.CachedFile);
        Assert.Equal(3, codec.FrameCount);
        Assert.Equal(0x3B, bytes[^1]);
    }

    [Fact]
    public void An_animated_gif_wider_than_the_largest_width_is_refused()
    {
        var result = Engine().Process(_folder.WriteBytes("wide.gif", TestImages.Gif(1700, 10, frames: 2)));

        Assert.Equal(ImageProblemKind.AnimationTooWide, result.Problem!.Kind);
    }

    [Fact]
    public void An_unwritable_cache_is_a_problem_not_an_exception()
    {
        var source = _folder.WriteBytes("photo.jpg", TestImages.Jpeg(600, 400));
        _folder.Write("cache", "a file where the cache folder should be");

        var result = Engine().Process(source);

        Assert.Equal(ImageProblemKind.CacheFailed, result.Problem!.Kind);
    }
}
