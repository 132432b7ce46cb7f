using Site.Markdown;
using Site.Tests.Support;

namespace Site.Tests.Markdown;

/// <summary>Links and images may point only at http, https, mailto, relative paths and #fragments;
/// anything else is an error at its exact position in the article file.</summary>
public sealed class LinkSchemeTests
{
    [Fact]
    public void Refused_links_are_errors_at_their_file_positions()
    {
        const string article = """
            ---
            title: Links
            date: 2024-01-02
            ---

            [ok](https://example.org) and [bad](javascript:alert(1)).

            ![pixel](data:image/gif;base64,R0lGODlhAQABAAAAACw=)

            A note.[^n] Also [by reference][r] and [entity](javascript&colon;alert(1)).

            [^n]: See [this](JAVASCRIPT:void(0)) and <vbscript:msgbox>.

            [r]: file:///etc/passwd

            """;
        using var site = new TestSite().With("content/a.md", article);

        var build = site.Build();

        DiagnosticAssert.Exactly(
            build.Diagnostics,
            ("content/a.md(6,31): error SITE020:", "link to 'javascript:alert(1)' is not allowed"),
            ("content/a.md(8,1): error SITE020:", "image to 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' is not allowed"),
            ("content/a.md(10,18): error SITE020:", "link to 'file:///etc/passwd' is not allowed"),
            ("content/a.md(10,40): error SITE020:", "link to 'javascript:alert(1)' is not allowed"),
            ("content/a.md(12,11): error SITE020:", "link to 'JAVASCRIPT:void(0)' is not allowed"),
            ("content/a.md(12,42): error SITE020:", "link to 'vbscript:msgbox' is not allowed"));
        Assert.False(build.Result.Published);
    }

    [Theory]
    [InlineData("https://example.org/a?b=c#d")]
    [InlineData("http://example.org")]
    [InlineData("HTTPS://example.org")]
    [InlineData("mailto:desk@example.org")]
    [InlineData("../other/")]
    [InlineData("other/page.html")]
    [InlineData("/absolute/path")]
    [InlineData("//example.org/protocol-relative")]
    [InlineData("#fragment")]
    [InlineData("?query=a:b")]
    [InlineData("path/with:colon")]
    public void Allowed(string url) => Assert.True(LinkPolicy.IsAllowed(url), url);

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("java\rscript:alert(1)")]
    [InlineData("javascript\t:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("DATA:image/png;base64,AAAA")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org")]
    public void Refused(string url) => Assert.False(LinkPolicy.IsAllowed(url), url);
}
