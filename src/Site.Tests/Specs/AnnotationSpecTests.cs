using Site.Content;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Tests.Specs;

/// <summary>Runs every example of AnnotationSpecs.md, each as its own test case named after it.</summary>
public sealed class AnnotationSpecTests
{
    private static readonly string SpecText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "AnnotationSpecs.md"));

    private static readonly IReadOnlyList<SpecExample> Examples = SpecFile.Parse(SpecText);

    private static readonly MarkdownRenderer Renderer = new(allowHtml: false);

    public static IEnumerable<TheoryDataRow<int>> ExampleNumbers() =>
        Examples.Select(example => new TheoryDataRow<int>(example.Number) { TestDisplayName = example.Name });

    [Theory]
    [MemberData(nameof(ExampleNumbers))]
    public void Example(int number)
    {
        var example = Examples[number - 1];
        var article = new Article(
            File: "",
            Slug: "s",
            Title: "Spec",
            Date: new PublishDate(new DateTimeOffset(2024, 1, 4, 0, 0, 0, TimeSpan.Zero), HasTime: false),
            Summary: null,
            Tags: [],
            Author: null,
            Draft: false,
            Source: null,
            Markdown: example.Markdown);
        var diagnostics = new DiagnosticBag();

        var rendered = Renderer.Render(article, diagnostics);

        var reported = diagnostics.ToSortedList();
        var reportedText = string.Concat(reported.Select(d => d + "\n"));
        if (example.ExpectsDiagnostics)
        {
            Expect(example, example.Expected, reportedText);
            var hasErrors = reported.Any(d => d.Severity == Severity.Error);
            Assert.True(hasErrors == rendered is null, $"{example.Name}: an article is published exactly when it has no errors");
        }
        else
        {
            Expect(example, "", reportedText);
            Expect(example, example.Expected, rendered!.BodyHtml + rendered.NotesHtml);
        }
    }

    [Fact]
    public void Spec_file_examples_all_parse()
    {
        // A parse bug must not silently skip examples: every opening fence yields one example.
        Assert.Equal(SpecFile.CountOpeningFences(SpecText), Examples.Count);
        Assert.True(Examples.Count >= 26, $"AnnotationSpecs.md should have at least 26 examples, found {Examples.Count}");
        Assert.Contains(Examples, e => e.ExpectsDiagnostics);
        Assert.All(Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Markdown), $"{e.Name} has no Markdown"));
        Assert.All(Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Expected), $"{e.Name} expects nothing"));
    }

    [Fact]
    public void Spec_parser_rejects_malformed_examples()
    {
        var fence = SpecFile.Fence;
        Assert.Throws<FormatException>(() => SpecFile.Parse($"{fence} exmaple\nText\n.\n<p>Text</p>\n{fence}\n"));
        Assert.Throws<FormatException>(() => SpecFile.Parse($"{fence} example\nText\n<p>Text</p>\n{fence}\n"));
        Assert.Throws<FormatException>(() => SpecFile.Parse($"{fence} example\nText\n.\n<p>Text</p>\n"));
    }

    private static void Expect(SpecExample example, string expected, string actual)
    {
        if (expected != actual)
        {
            Assert.Fail($"{example.Name}\n--- Markdown\n{example.Markdown}--- Expected\n{expected}--- Actual\n{actual}");
        }
    }
}
