using Site.Content;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Tests.Specs;

/// <summary>Runs every example of AnnotationSpecs.md, each as its own test case named after it.</summary>
public sealed class AnnotationSpecTests
{
    private static readonly SpecSuite Suite = new("AnnotationSpecs.md", allowFrontMatter: false);

    public static IEnumerable<TheoryDataRow<int>> ExampleNumbers() => Suite.Rows();

    [Theory]
    [MemberData(nameof(ExampleNumbers))]
    public void Example(int number) => Suite.Run(number);

    [Fact]
    public void Spec_file_examples_all_parse() => Suite.CheckParsed(minimum: 26);

    [Fact]
    public void Spec_parser_rejects_malformed_examples()
    {
        var fence = SpecFile.Fence;
        Assert.Throws<FormatException>(() => SpecFile.Parse($"{fence} exmaple\nText\n.\n<p>Text</p>\n{fence}\n"));
        Assert.Throws<FormatException>(() => SpecFile.Parse($"{fence} example\nText\n<p>Text</p>\n{fence}\n"));
        Assert.Throws<FormatException>(() => SpecFile.Parse($"{fence} example\nText\n.\n<p>Text</p>\n"));
    }
}

/// <summary>Runs every example of NoteTypeSpecs.md (issue 8: note types, fact-checks and sources), each as its
/// own test case. Its examples may start with front matter, and expect the Sources section after the notes.</summary>
public sealed class NoteTypeSpecTests
{
    private static readonly SpecSuite Suite = new("NoteTypeSpecs.md", allowFrontMatter: true);

    public static IEnumerable<TheoryDataRow<int>> ExampleNumbers() => Suite.Rows();

    [Theory]
    [MemberData(nameof(ExampleNumbers))]
    public void Example(int number) => Suite.Run(number);

    [Fact]
    public void Spec_file_examples_all_parse()
    {
        Suite.CheckParsed(minimum: 30);
        Assert.Contains(Suite.Examples, e => e.Markdown.StartsWith("---\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Front_matter_positions_count_from_the_top_of_the_example()
    {
        // The runner must hand Markdig the body with the front matter lines blanked, not cut.
        var example = new SpecExample(1, "", 1, "---\nsources: {}\n---\nA claim.[^x]\n", "", ExpectsDiagnostics: true);
        var (_, reported, _) = SpecSuite.Render(example, frontMatter: true);
        Assert.Equal(["(4,9): error SITE012: annotation [^x] has no definition"], reported.Select(d => d.ToString()));
    }
}

/// <summary>
/// One spec file and how to run its examples: the Markdown is rendered for an article whose slug is
/// <c>s</c>, and the output compared with the example's expected HTML or diagnostics.
/// </summary>
/// <param name="allowFrontMatter">Whether an example may start with YAML front matter (<c>---</c> … <c>---</c>).
/// It is read with <see cref="global::Site.Content.FrontMatter.Parse"/>, so positions count from the top of the example;
/// the title and date every article needs are supplied when the example leaves them out. The expected
/// HTML is then the body, the notes section and the Sources section.</param>
internal sealed class SpecSuite(string fileName, bool allowFrontMatter)
{
    private static readonly MarkdownRenderer Renderer = new(allowHtml: false);

    private static readonly PublishDate SpecDate = new(new DateTimeOffset(2024, 1, 4, 0, 0, 0, TimeSpan.Zero), HasTime: false);

    /// <summary>What FrontMatter.Parse says when an example leaves out the title or date.</summary>
    private static readonly string[] SuppliedKeys = ["front matter is missing required key 'title'", "front matter is missing required key 'date'"];

    private readonly Lazy<(string Text, IReadOnlyList<SpecExample> Examples)> _file = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", fileName));
        return (text, SpecFile.Parse(text));
    });

    public string FileName => fileName;

    public string Text => _file.Value.Text;

    public IReadOnlyList<SpecExample> Examples => _file.Value.Examples;

    public IEnumerable<TheoryDataRow<int>> Rows() =>
        Examples.Select(example => new TheoryDataRow<int>(example.Number) { TestDisplayName = example.Name, Skip = example.Skip });

    public void Run(int number)
    {
        var example = Examples[number - 1];
        var (rendered, reported, frontMatterErrors) = Render(example, allowFrontMatter);

        var reportedText = string.Concat(reported.Select(d => d + "\n"));
        if (example.ExpectsDiagnostics)
        {
            Expect(example, example.Expected, reportedText);
            var hasErrors = reported.Any(d => d.Severity == Severity.Error);
            Assert.True(hasErrors == (rendered is null || frontMatterErrors), $"{example.Name}: an article is published exactly when it has no errors");
        }
        else
        {
            Expect(example, "", reportedText);
            var html = rendered!.BodyHtml + rendered.NotesHtml;
            Expect(example, example.Expected, allowFrontMatter ? html + rendered.SourcesHtml : html);
        }
    }

    /// <summary>Renders one example; returns what was rendered (null on Markdown errors), every diagnostic,
    /// sorted, and whether the front matter had errors of its own.</summary>
    public static (RenderedArticle? Rendered, IReadOnlyList<Diagnostic> Reported, bool FrontMatterErrors) Render(SpecExample example, bool frontMatter)
    {
        var diagnostics = new DiagnosticBag();
        var article = new Article(
            File: "",
            Slug: "s",
            Title: "Spec",
            Date: SpecDate,
            Summary: null,
            Tags: [],
            Author: null,
            Draft: false,
            OriginalPublication: null,
            Markdown: example.Markdown);
        var frontMatterErrors = false;
        if (frontMatter && example.Markdown.StartsWith("---\n", StringComparison.Ordinal))
        {
            var local = new DiagnosticBag();
            var parsed = global::Site.Content.FrontMatter.Parse(example.Markdown, "", "s", local);
            var found = local.ToSortedList().Where(d => !(d.Code == "SITE004" && SuppliedKeys.Contains(d.Message))).ToList();
            diagnostics.AddRange(found);
            frontMatterErrors = found.Any(d => d.Severity == Severity.Error);
            if (parsed is null)
            {
                return (null, diagnostics.ToSortedList(), true);
            }
            var hasTitle = !local.ToSortedList().Any(d => d.Message == SuppliedKeys[0]);
            var hasDate = !local.ToSortedList().Any(d => d.Message == SuppliedKeys[1]);
            article = parsed with { Title = hasTitle ? parsed.Title : article.Title, Date = hasDate ? parsed.Date : article.Date };
        }

        var rendered = Renderer.Render(article, diagnostics);
        return (rendered, diagnostics.ToSortedList(), frontMatterErrors);
    }

    public void CheckParsed(int minimum)
    {
        // A parse bug must not silently skip examples: every opening fence yields one example.
        Assert.Equal(SpecFile.CountOpeningFences(Text), Examples.Count);
        Assert.True(Examples.Count >= minimum, $"{fileName} should have at least {minimum} examples, found {Examples.Count}");
        Assert.Contains(Examples, e => e.ExpectsDiagnostics);
        Assert.All(Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Markdown), $"{e.Name} has no Markdown"));
        Assert.All(Examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Expected), $"{e.Name} expects nothing"));
    }

    private static void Expect(SpecExample example, string expected, string actual)
    {
        if (expected != actual)
        {
            Assert.Fail($"{example.Name}\n--- Markdown\n{example.Markdown}--- Expected\n{expected}--- Actual\n{actual}");
        }
    }
}
