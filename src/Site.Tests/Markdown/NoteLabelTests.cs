using Site.Content;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Tests.Markdown;

/// <summary>One set of label rules for references and definitions alike: what one accepts, the other does.</summary>
public sealed class NoteLabelTests
{
    [Fact]
    public void A_label_of_the_longest_length_works_as_reference_and_definition()
    {
        var label = new string('a', 100);

        var (rendered, diagnostics) = Render($"A claim.[^{label}]\n\n[^{label}]: A note.\n");

        Assert.Empty(diagnostics);
        Assert.Equal(label, Assert.Single(rendered!.Notes).Label.Text);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("a{b}")]
    [InlineData("a^b")]
    public void A_label_no_reference_can_have_is_an_error_at_the_definition_too(string label)
    {
        var (rendered, diagnostics) = Render($"A claim.[^{label}]\n\n[^{label}]: A note.\n");

        Assert.Null(rendered);
        Assert.Equal(["(1,9) SITE010", "(3,1) SITE010"], diagnostics.Select(d => $"({d.Line},{d.Column}) {d.Code}"));
    }

    private static (RenderedArticle? Rendered, IReadOnlyList<Diagnostic> Diagnostics) Render(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var article = new Article("", "s", "Test", new PublishDate(new DateTimeOffset(2024, 1, 4, 0, 0, 0, TimeSpan.Zero), false), null, [], null, false, null, markdown);

        var rendered = new MarkdownRenderer(allowHtml: false).Render(article, diagnostics);

        return (rendered, diagnostics.ToSortedList());
    }
}
