using Site.Images;
using Site.Tests.Support;

namespace Site.Tests.Images;

public sealed class ImageProbeTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Reads_the_format_size_and_byte_count_of_each_raster_format()
    {
        using var photo = TestImages.Photo(320, 200);
        var files = new (string Name, byte[] Bytes, ImageFormat Format)[]
        {
            ("a.jpg", TestImages.Jpeg(photo), ImageFormat.Jpeg),
            ("b.JPEG", TestImages.Jpeg(photo), ImageFormat.Jpeg),
            ("c.png", TestImages.Png(photo), ImageFormat.Png),
            ("d.webp", TestImages.WebP(photo), ImageFormat.WebP),
            ("e.gif", TestImages.Gif(320, 200, frames: 1), ImageFormat.Gif),
        };
        foreach (var (name, bytes, format) in files)
        {
            var probe = ImageProbe.Probe(_folder.WriteBytes(name, bytes), ImageLimits.Default);
            Assert.Null(probe.Problem);
            Assert.Equal(new ImageInfo(format, 320, 200, bytes.Length, Orientation: 1, FrameCount: 1), probe.Info);
        }
    }

    [Fact]
    public void A_photo_stored_sideways_is_measured_as_displayed()
    {
        using var stored = TestImages.Halves(400, 300);
        var path = _folder.WriteBytes("portrait.jpg", TestImages.WithExif(TestImages.Jpeg(stored), orientation: 6));

        var info = ImageProbe.Probe(path, ImageLimits.Default).Info!;

        Assert.Equal((300, 400, 6), (info.Width, info.Height, info.Orientation));
        Assert.Equal((400, 300), (info.StoredWidth, info.StoredHeight));
    }

    [Fact]
    public void A_48_megapixel_phone_photo_passes_the_default_limits()
    {
        var header = TestImages.WithDeclaredSize(TestImages.Jpeg(64, 48), 8064, 6048);

        var probe = ImageProbe.Probe(_folder.WriteBytes("phone.jpg", header), ImageLimits.Default);

        Assert.Null(probe.Problem);
        Assert.Equal((8064, 6048), (probe.Info!.Width, probe.Info.Height));
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header()
    {
        var bomb = TestImages.PngHeader(100_000, 100_000);
        Assert.True(bomb.Length < 5000, $"the bomb is {bomb.Length} bytes");

        var probe = ImageProbe.Probe(_folder.WriteBytes("bomb.png", bomb), ImageLimits.Default);

        Assert.Null(probe.Info);
        Assert.Equal(ImageProblemKind.TooManyPixels, probe.Problem!.Kind);
        Assert.Contains("100,000 × 100,000 pixels", probe.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_declaring_65000_pixels_a_side_is_refused()
    {
        var header = TestImages.WithDeclaredSize(TestImages.Jpeg(64, 48), 65_000, 65_000);

        var probe = ImageProbe.Probe(_folder.WriteBytes("bomb.jpg", header), ImageLimits.Default);

        Assert.Equal(ImageProblemKind.TooManyPixels, probe.Problem!.Kind);
    }

    [Fact]
    public void A_panorama_longer_than_the_side_limit_is_refused()
    {
        var probe = ImageProbe.Probe(_folder.WriteBytes("strip.png", TestImages.PngHeader(40_000, 10)), ImageLimits.Default);

        Assert.Equal(ImageProblemKind.TooWide, probe.Problem!.Kind);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        var path = _folder.WriteBytes("big.jpg", TestImages.Jpeg(300, 200));

        var probe = ImageProbe.Probe(path, new ImageLimits { MaxFileBytes = 1000 });

        Assert.Equal(ImageProblemKind.FileTooLarge, probe.Problem!.Kind);
    }

    [Theory]
    [InlineData("empty.jpg", "", nameof(ImageProblemKind.Empty))]
    [InlineData("notes.jpg", "These are my notes, not a photo.\n", nameof(ImageProblemKind.NotAnImage))]
    [InlineData("page.png", "<!doctype html><script>alert(1)</script>", nameof(ImageProblemKind.NotAnImage))]
    [InlineData("drawing.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", nameof(ImageProblemKind.NotAnImage))]
    public void Files_that_are_not_images_are_problems_not_exceptions(string name, string content, string kind)
    {
        var probe = ImageProbe.Probe(_folder.Write(name, content), ImageLimits.Default);

        Assert.Null(probe.Info);
        Assert.Equal(kind, probe.Problem!.Kind.ToString());
        if (name == "drawing.png")
        {
            Assert.Contains(".svg", probe.Problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_png_named_jpg_is_asked_to_be_renamed()
    {
        var probe = ImageProbe.Probe(_folder.WriteBytes("photo.jpg", TestImages.Png(40, 30)), ImageLimits.Default);

        Assert.Equal(ImageProblemKind.WrongExtension, probe.Problem!.Kind);
        Assert.Contains("'.png'", probe.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_problem()
    {
        var probe = ImageProbe.Probe(_folder.Combine("nowhere.jpg"), ImageLimits.Default);

        Assert.Equal(ImageProblemKind.Unreadable, probe.Problem!.Kind);
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_not_an_image()
    {
        var probe = ImageProbe.Probe(_folder.WriteBytes("cut.jpg", TestImages.Jpeg(300, 200)[..20]), ImageLimits.Default);

        Assert.Equal(ImageProblemKind.NotAnImage, probe.Problem!.Kind);
    }

    [Fact]
    public void An_animation_reports_its_frames()
    {
        var probe = ImageProbe.Probe(_folder.WriteBytes("anim.gif", TestImages.Gif(60, 40, frames: 3)), ImageLimits.Default);

        Assert.Equal(3, probe.Info!.FrameCount);
        Assert.True(probe.Info.IsAnimated);
    }
}
