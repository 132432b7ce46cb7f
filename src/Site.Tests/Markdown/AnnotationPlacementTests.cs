using AngleSharp.Html.Parser;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Tests.Markdown;

/// <summary>Annotations where markup cannot hold a link must be reported, never written as broken HTML.</summary>
public sealed class AnnotationPlacementTests
{
    [Theory]
    [InlineData("![A photo[^a]](photo.jpg)\n\n[^a]: A note.\n")]
    [InlineData("![A [photo]{^a}](photo.jpg)\n\n[^a]: A note.\n")]
    public void Annotation_inside_an_image_description_is_reported_or_kept_out_of_the_markup(string markdown)
    {
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer(allowHtml: false).Render(ArticleWith(markdown), diagnostics);

        if (rendered is null)
        {
            Assert.Contains(diagnostics.ToSortedList(), d => d.Severity == Severity.Error && d.Line == 1);
            return;
        }
        var page = new HtmlParser().ParseDocument(rendered.BodyHtml + rendered.NotesHtml);
        var image = Assert.Single(page.QuerySelectorAll("img"));
        Assert.DoesNotContain('<', image.GetAttribute("alt") ?? "");
        Assert.Equal(["alt", "src"], image.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal));
        foreach (var backLink in page.QuerySelectorAll("a[role=doc-backlink]"))
        {
            Assert.NotNull(page.GetElementById(backLink.GetAttribute("href")![1..]));
        }
    }

    [Fact]
    public void Annotation_inside_a_heading_keeps_the_heading_id_plain()
    {
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer(allowHtml: false).Render(ArticleWith("## [Casualties]{^a} counted[^b]\n\n[^a]: A.\n\n[^b]: B.\n"), diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        var heading = Assert.Single(new HtmlParser().ParseDocument(rendered!.BodyHtml).QuerySelectorAll("h2"));
        Assert.Equal("casualties-counted", heading.Id);
    }

    private static Article ArticleWith(string markdown) =>
        new("", "s", "Test", new PublishDate(new DateTimeOffset(2024, 1, 4, 0, 0, 0, TimeSpan.Zero), false), null, [], null, false, null, markdown);
}
