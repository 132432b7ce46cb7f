using System.Text;
using Site.Tests.Support;

namespace Site.Tests.Content;

/// <summary>How article files are read: strict UTF-8, no NUL bytes, and BOM or CRLF make no difference.</summary>
public sealed class ArticleFileTests
{
    private const string Article = "---\ntitle: Café prices\ndate: 2024-01-02\n---\n\nPrices rose.[^lpg]\n\n[^lpg]: From 60 to 120 tenge.\n";

    [Fact]
    public void Invalid_utf8_is_an_error_naming_the_byte_offset()
    {
        // "---\ntitle: Caf" is 14 bytes; 0xE9 is Latin-1 "é", not UTF-8.
        var bytes = Encoding.ASCII.GetBytes("---\ntitle: Caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.ASCII.GetBytes("\ndate: 2024-01-02\n---\nBody.\n")).ToArray();
        using var site = new TestSite().WithBytes("content/a.md", bytes);

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md: error SITE008:", "not valid UTF-8 (bad byte at offset 14)"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Invalid_utf8_in_the_body_is_an_error_naming_its_offset_in_the_file()
    {
        // The body is decoded on its own (TextFile.ReadBody): the offset still counts from the file's start, BOM included.
        var head = "---\ntitle: Cafe\ndate: 2024-01-02\n---\nCaf";
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.ASCII.GetBytes(head), 0xE9, .. Encoding.ASCII.GetBytes(" prices.\n")];
        using var site = new TestSite().WithBytes("content/a.md", bytes);

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md: error SITE008:", $"not valid UTF-8 (bad byte at offset {3 + head.Length})"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void Nul_byte_is_an_error()
    {
        using var site = new TestSite().With("content/a.md", "---\ntitle: Hello\ndate: 2024-01-02\n---\nBo\0dy.\n");

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md: error SITE008:", "NUL byte"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public async Task Bom_and_crlf_give_the_same_bytes_as_plain_lf()
    {
        using var plain = new TestSite().With("content/a.md", Article);
        using var windows = new TestSite().WithBytes("content/a.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Article.Replace("\n", "\r\n", StringComparison.Ordinal))]);

        // Run as a user would, in each site's folder, so that both builds name their files alike.
        var plainRun = await plain.RunAsync("build");
        var windowsRun = await windows.RunAsync("build");

        Assert.True(plainRun.ExitCode == 0, plainRun.ToString());
        Assert.True(windowsRun.ExitCode == 0, windowsRun.ToString());
        DirectoryAssert.Identical(plain.OutputDir, windows.OutputDir);
    }

    [Fact]
    public void Positions_count_from_the_top_of_the_file_with_crlf_and_bom()
    {
        var text = "---\ntitle: Hello\ndate: 2024-01-02\n---\n\nThe toll was disputed.[^toll]\n";
        using var site = new TestSite().WithBytes("content/a.md", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))]);

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(6,23): error SITE012:", "annotation [^toll] has no definition"));
    }
}
