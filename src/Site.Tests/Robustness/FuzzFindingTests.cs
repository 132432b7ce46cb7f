using Site.Tests.Support;

namespace Site.Tests.Robustness;

/// <summary>What the fuzzer found (issue 7), each as an example; the shrunk cases themselves are replayed
/// from Regressions/ by <see cref="MarkdownFuzzTests"/>.</summary>
public sealed class FuzzFindingTests
{
    [Theory]
    [InlineData("The toll[^toll", "(6,9)", "'[^toll'")]
    [InlineData("Unclosed [^a b at the end", "(6,10)", "'[^a'")]
    [InlineData("[^", "(6,1)", "'[^'")]
    [InlineData("An image ![^x", "(6,10)", "'[^x'")]
    public void An_annotation_bracket_never_closed_is_an_error_not_literal_text(string body, string position, string snippet)
    {
        // Found by the fuzzer as "---\n---\n[^": the '[' stayed an opener with "^" as its child, so no run of
        // literal text held "[^" whole and the reader saw it.
        using var site = new TestSite().With("content/a.md", TestSite.Article("\n" + body + "\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ($"content/a.md{position}: error SITE010:", $"{snippet} is not a valid annotation"));
    }

    [Theory]
    [InlineData("[<https://example.org/a>](https://example.org/b)", "(6,2)", "link to 'https://example.org/a' inside another link's text")]
    [InlineData("[write to <desk@example.org> today](https://example.org/)", "(6,11)", "link to 'desk@example.org' inside another link's text")]
    public void An_autolink_inside_a_link_is_an_error(string body, string position, string message)
    {
        // Found by the fuzzer as "[<http:>]()": Markdig writes <a> inside <a>, which browsers take apart.
        using var site = new TestSite().With("content/a.md", TestSite.Article("\n" + body + "\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ($"content/a.md{position}: error SITE023:", message));
    }

    [Fact]
    public void An_autolink_beside_a_link_or_inside_an_image_description_is_fine()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article("\n[a link](https://example.org/b) <https://example.org/a> ![<https://example.org/c>](https://example.org/i.png)\n"));

        var build = site.Build();

        Assert.True(build.Result.Published, build.ToString());
    }
}
