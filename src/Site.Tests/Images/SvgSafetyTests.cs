using Site.Images;

namespace Site.Tests.Images;

public sealed class SvgSafetyTests
{
    private const string Open = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="50">""";

    [Theory]
    [InlineData("<script>alert(1)</script>", nameof(SvgFindingKind.Script))]
    [InlineData("<script xlink:href=\"https://evil.example/x.js\"/>", nameof(SvgFindingKind.Script))]
    [InlineData("<rect width=\"5\" height=\"5\" onclick=\"alert(1)\"/>", nameof(SvgFindingKind.EventHandler))]
    [InlineData("<g ONMOUSEOVER=\"alert(1)\"/>", nameof(SvgFindingKind.EventHandler))]
    [InlineData("<a href=\"javascript:alert(1)\"><text>x</text></a>", nameof(SvgFindingKind.ScriptUrl))]
    [InlineData("<a xlink:href=\" JaVa&#x09;Script:alert(1)\"><text>x</text></a>", nameof(SvgFindingKind.ScriptUrl))]
    [InlineData("<set attributeName=\"href\" to=\"javascript:alert(1)\"/>", nameof(SvgFindingKind.Script))]
    [InlineData("<image href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"/>", nameof(SvgFindingKind.DataUrl))]
    [InlineData("<image href=\"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"/>", nameof(SvgFindingKind.DataUrl))]
    [InlineData("<image href=\"https://tracker.example/pixel.png\"/>", nameof(SvgFindingKind.ExternalReference))]
    [InlineData("<use xlink:href=\"icons.svg#star\"/>", nameof(SvgFindingKind.ExternalReference))]
    [InlineData("<rect style=\"fill: url('https://evil.example/p.svg#g')\"/>", nameof(SvgFindingKind.ExternalReference))]
    [InlineData("<rect fill=\"url(//evil.example/p.svg#g)\"/>", nameof(SvgFindingKind.ExternalReference))]
    [InlineData("<style>@import url(https://evil.example/s.css);</style>", nameof(SvgFindingKind.ExternalReference))]
    [InlineData("<style><![CDATA[ rect { fill: url(https://evil.example/a.svg#x) } ]]></style>", nameof(SvgFindingKind.ExternalReference))]
    [InlineData("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">hi</div></foreignObject>", nameof(SvgFindingKind.ForeignContent))]
    [InlineData("<iframe src=\"https://evil.example\"/>", nameof(SvgFindingKind.ForeignContent))]
    [InlineData("<embed src=\"movie.swf\"/>", nameof(SvgFindingKind.ForeignContent))]
    public void Reports_what_a_browser_would_run_or_fetch(string inner, string kind)
    {
        var report = SvgSafety.InspectText($"{Open}\n{inner}\n</svg>\n");

        Assert.Null(report.Problem);
        Assert.False(report.IsSafe);
        Assert.Contains(report.Findings, f => f.Kind.ToString() == kind && f.Line == 2);
    }

    [Fact]
    public void An_xml_stylesheet_instruction_is_reported()
    {
        var report = SvgSafety.InspectText($"<?xml-stylesheet href=\"https://evil.example/s.css\"?>\n{Open}</svg>");

        Assert.Equal(SvgFindingKind.ExternalReference, Assert.Single(report.Findings).Kind);
    }

    [Fact]
    public void An_entity_bomb_is_reported_without_being_expanded()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
              <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
            ]>
            <svg xmlns="http://www.w3.org/2000/svg"><text>&f;</text></svg>
            """;

        var report = SvgSafety.InspectText(bomb);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((SvgFindingKind.Doctype, 2), (finding.Kind, finding.Line));
    }

    [Fact]
    public void An_external_entity_is_reported_and_never_read()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var report = SvgSafety.InspectText($"""
                <!DOCTYPE svg [<!ENTITY xxe SYSTEM "file://{secret}">]>
                <svg xmlns="http://www.w3.org/2000/svg"><text>&xxe;</text></svg>
                """);

            Assert.Equal(SvgFindingKind.Doctype, Assert.Single(report.Findings).Kind);
            Assert.DoesNotContain("TOP-SECRET", report.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void A_clean_drawing_from_an_editor_is_safe()
    {
        const string clean = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <!-- Exported by an editor -->
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 640 360">
              <defs>
                <linearGradient id="sky"><stop offset="0" stop-color="#39f"/><stop offset="1" stop-color="#fff"/></linearGradient>
                <path id="bar" d="M0 0h10v40H0z"/>
              </defs>
              <style>.label { font: 12px sans-serif; fill: url(#sky); }</style>
              <rect width="640" height="360" fill="url(#sky)" style="stroke: url( '#sky' )"/>
              <use href="#bar" x="20"/><use xlink:href="#bar" x="40"/>
              <image width="8" height="8" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="/>
              <a href="https://example.org/methodology"><text class="label" x="10" y="20">Source: survey</text></a>
              <animate attributeName="opacity" from="0" to="1" dur="1s"/>
            </svg>
            """;

        var report = SvgSafety.InspectText(clean);

        Assert.True(report.IsSafe, string.Join("\n", report.Findings));
        Assert.Equal((640.0, 360.0), (report.Width, report.Height));
    }

    [Theory]
    [InlineData("width=\"100\" height=\"50\"", 100.0, 50.0)]
    [InlineData("width=\"100px\" height=\"50px\" viewBox=\"0 0 10 10\"", 100.0, 50.0)]
    [InlineData("viewBox=\"0,0,300,150\"", 300.0, 150.0)]
    [InlineData("width=\"600\" viewBox=\"0 0 300 150\"", 600.0, 300.0)]
    [InlineData("height=\"1in\" viewBox=\"0 0 200 100\"", 192.0, 96.0)]
    [InlineData("width=\"100%\" height=\"100%\" viewBox=\"0 0 40 30\"", 40.0, 30.0)]
    public void Measures_the_drawing_for_layout(string attributes, double width, double height)
    {
        var report = SvgSafety.InspectText($"<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}/>");

        Assert.Equal(width, report.Width!.Value, 6);
        Assert.Equal(height, report.Height!.Value, 6);
    }

    [Fact]
    public void A_drawing_with_no_size_says_so()
    {
        var report = SvgSafety.InspectText("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\"/>");

        Assert.True(report.IsSafe);
        Assert.Null(report.Width);
        Assert.Null(report.Height);
    }

    [Theory]
    [InlineData("", nameof(ImageProblemKind.Empty))]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>", nameof(ImageProblemKind.Corrupt))]
    [InlineData("<html><body>not a drawing</body></html>", nameof(ImageProblemKind.NotAnImage))]
    [InlineData("just text", nameof(ImageProblemKind.Corrupt))]
    public void A_file_that_is_not_an_svg_is_a_problem(string text, string kind)
    {
        var report = SvgSafety.InspectText(text);

        Assert.False(report.IsSafe);
        Assert.Equal(kind, report.Problem!.Kind.ToString());
    }
}
