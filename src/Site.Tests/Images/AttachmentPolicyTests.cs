using System.Text;
using Site.Images;
using Site.Tests.Support;

namespace Site.Tests.Images;

public sealed class AttachmentPolicyTests : IDisposable
{
    private const string ScriptSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script></svg>";
    private const string CleanSvg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"30\" height=\"10\"><rect width=\"30\" height=\"10\"/></svg>";

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private AttachmentDecision Classify(string name, byte[] content, bool allowHtml = false) =>
        AttachmentPolicy.Classify(_folder.WriteBytes(name, content), allowHtml);

    private AttachmentDecision Classify(string name, string content, bool allowHtml = false) =>
        Classify(name, Encoding.UTF8.GetBytes(content), allowHtml);

    [Theory]
    [InlineData("report.pdf", "%PDF-1.7\n1 0 obj\n")]
    [InlineData("REPORT.PDF", "%PDF-1.4\n")]
    [InlineData("data.csv", "year,count\n2024,12\n")]
    [InlineData("data.json", "{\"count\": 12}")]
    [InlineData("captions.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n")]
    [InlineData("budget.xlsx", "PK\u0003\u0004rest of the zip")]
    [InlineData("interview.mp3", "ID3\u0004\u0000rest")]
    [InlineData("interview.m4a", "\u0000\u0000\u0000\u0018ftypM4A rest")]
    [InlineData("clip.mp4", "\u0000\u0000\u0000\u0020ftypisom rest")]
    [InlineData("clip.webm", "\u001A\u0045\u00DF\u00A3 rest")]
    public void Documents_data_and_media_are_published_as_they_are(string name, string content)
    {
        var decision = Classify(name, Encoding.Latin1.GetBytes(content));

        Assert.Equal(AttachmentKind.Publish, decision.Kind);
        Assert.Null(decision.Reason);
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("photo.JPEG")]
    [InlineData("chart.png")]
    [InlineData("street.webp")]
    [InlineData("loop.gif")]
    public void Raster_images_go_to_the_image_engine(string name)
    {
        Assert.Equal(AttachmentKind.Image, Classify(name, "checked by the engine").Kind);
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("PAGE.HTM")]
    [InlineData("page.xhtml")]
    [InlineData("feed.xml")]
    [InlineData("app.js")]
    [InlineData("module.mjs")]
    [InlineData("code.wasm")]
    [InlineData("upload.php")]
    public void Files_a_browser_or_server_would_run_are_refused_with_a_reason(string name)
    {
        var decision = Classify(name, "<script>alert(1)</script>");

        Assert.Equal(AttachmentKind.Refused, decision.Kind);
        Assert.Contains("allow_html", decision.Reason, StringComparison.Ordinal);
        Assert.Equal(AttachmentKind.Publish, Classify(name, "<script>alert(1)</script>", allowHtml: true).Kind);
    }

    [Theory]
    [InlineData("report.pdf", "<!DOCTYPE html><html><script>alert(1)</script>")]
    [InlineData("report.pdf", "not a pdf at all")]
    [InlineData("data.csv", "  <script>alert(1)</script>,1\n")]
    [InlineData("data.txt", "\uFEFF<html><body onload=alert(1)>")]
    [InlineData("data.json", "<?xml version=\"1.0\"?><x/>")]
    [InlineData("budget.docx", "<html>")]
    public void A_file_whose_content_does_not_match_its_extension_is_refused(string name, string content)
    {
        var decision = Classify(name, content);

        Assert.Equal(AttachmentKind.Refused, decision.Kind);
        Assert.Contains(Path.GetExtension(name), decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_svg_with_script_is_refused_unless_html_is_allowed()
    {
        var refused = Classify("chart.svg", ScriptSvg);
        var allowed = Classify("chart.svg", ScriptSvg, allowHtml: true);

        Assert.Equal(AttachmentKind.Refused, refused.Kind);
        Assert.Contains("<script>", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(AttachmentKind.VectorImage, allowed.Kind);
    }

    [Fact]
    public void A_clean_svg_is_a_vector_image_with_its_size()
    {
        var decision = Classify("Chart.SVG", CleanSvg);

        Assert.Equal(AttachmentKind.VectorImage, decision.Kind);
        Assert.Equal((30.0, 10.0), (decision.Svg!.Width, decision.Svg.Height));
    }

    [Theory]
    [InlineData("notes.xyz")]
    [InlineData("Makefile")]
    [InlineData("photo.heic")]
    [InlineData("scan.tiff")]
    public void Unknown_and_unconverted_types_are_refused(string name)
    {
        var decision = Classify(name, "anything");

        Assert.Equal(AttachmentKind.Refused, decision.Kind);
        Assert.False(string.IsNullOrEmpty(decision.Reason));
    }

    [Theory]
    [InlineData(".DS_Store")]
    [InlineData(".htaccess")]
    [InlineData("Thumbs.db")]
    public void Hidden_and_system_files_are_ignored(string name)
    {
        Assert.Equal(AttachmentKind.Ignored, Classify(name, "junk", allowHtml: true).Kind);
    }
}
