using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Site.Content;
using Site.Diagnostics;
using Site.Markdown;
using Site.Tests.Support;

namespace Site.Tests.Docs;

/// <summary>
/// The README's theme contract names exactly the classes Site writes into an article, so a theme author
/// can rely on it; and the default theme selects on classes and attributes, not on inline style strings.
/// </summary>
public sealed partial class ThemeContractTests
{
    /// <summary>Every kind of note, a phrase, a note referenced twice, adjacent references, a citation of an archived source, a table, a figure with a credit.</summary>
    private const string Everything = """
        A [claim]{^check} and a term[^term] and context[^context] and a fix[^fix].[^term][^context]

        ![A chart](https://example.org/chart.png "Fuel prices in 2022 — Credit: Example Agency")

        | A | B |
        |---|---|
        | 1 | 2 |

        [^check]: {fact-check verdict="Disputed" claimant="Someone"} Checked [@report].
        [^term]: {definition} A term.
        [^context]: {context} Some context.
        [^fix]: {correction entry="1"} A correction.
        """;

    [Fact]
    public void The_readme_names_every_class_an_article_is_written_with_and_no_other()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));
        var section = readme[readme.IndexOf("### Theme contract", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", StringComparison.Ordinal)];
        var documented = ContractRow().Matches(section)
            .SelectMany(row => ClassName().Matches(row.Groups[1].Value).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        var written = WrittenClasses();

        Assert.Equal(written.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("templates/assets/site.css")]
    [InlineData("templates/assets/site.js")]
    public void The_default_theme_does_not_select_on_inline_styles(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot.Find(), file));

        Assert.DoesNotMatch(@"\[style", text);
    }

    private static HashSet<string> WrittenClasses()
    {
        var article = new Article("", "s", "Test", new PublishDate(new DateTimeOffset(2024, 1, 4, 0, 0, 0, TimeSpan.Zero), false), null, [], null, false, null, Everything.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n")
        {
            Corrections = [new Correction(1, new PublishDate(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), false), CorrectionKind.Correction, "A figure was wrong.")],
        };
        var sources = new Dictionary<string, Source>
        {
            ["report"] = new("report", "A report", "A publisher", "https://example.org/report", "2022-01", "https://archive.example/report", "content/sources.yml", 1, 1),
        };
        var diagnostics = new DiagnosticBag();

        var rendered = new MarkdownRenderer(allowHtml: false).Render(article, sources, diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        var page = new HtmlParser().ParseDocument(rendered!.BodyHtml + rendered.NotesHtml + rendered.SourcesHtml);
        return page.QuerySelectorAll("[class]").SelectMany(e => e.ClassList).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The first cell of each row of the contract's table: its selectors.</summary>
    [GeneratedRegex(@"^\| ((?:`[^`]+`(?:, )?)+) \|", RegexOptions.Multiline)]
    private static partial Regex ContractRow();

    [GeneratedRegex(@"\.([a-z][a-z0-9-]*)")]
    private static partial Regex ClassName();
}
