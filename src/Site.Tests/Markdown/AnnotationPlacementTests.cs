using AngleSharp.Html.Parser;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Tests.Markdown;

/// <summary>Annotations where markup cannot hold a link: in a heading the id stays plain. (In link text and
/// image descriptions they are errors: see AnnotationSpecs.md.)</summary>
public sealed class AnnotationPlacementTests
{
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
