using Site.Content;
using Site.Diagnostics;
using Site.Markdown;

namespace Site.Tests.Markdown;

/// <summary>A note's plain text, as annotations.json gives it: the words of the parsed note, without markup.</summary>
public sealed class NoteTextTests
{
    [Fact]
    public void A_table_in_a_note_is_its_cells_in_reading_order_without_markup()
    {
        var text = NoteText("Counted.[^t]\n\n[^t]: Two sources:\n\n    | Source | Toll |\n    |---|---|\n    | Official | 238 |\n\n    That is all.\n");

        Assert.Equal("Two sources:\nSource Toll Official 238 \nThat is all.", text);
    }

    [Fact]
    public void Code_keeps_its_lines_and_a_list_gives_a_line_per_item()
    {
        var text = NoteText("Counted.[^t]\n\n[^t]: First:\n\n    ```\n    a  b\n\n    c\n    ```\n\n    - one *item*\n    - two\n");

        Assert.Equal("First:\na  b\n\nc\none item\ntwo", text);
    }

    [Fact]
    public void A_citation_and_an_autolink_keep_every_character()
    {
        var sources = new Dictionary<string, Source>
        {
            ["bhr"] = new("bhr", "Report", "Business & Human Rights Resource Centre", "https://example.org/", "2022-01-03", null, "content/sources.yml", 1, 1),
        };

        var text = NoteText("Counted.[^t]\n\n[^t]: See [@bhr] and <https://example.org/?a=1&b=2>.\n", sources);

        Assert.Equal("See Business & Human Rights Resource Centre, 3 January 2022 and https://example.org/?a=1&b=2.", text);
    }

    private static string NoteText(string markdown, IReadOnlyDictionary<string, Source>? sources = null)
    {
        var diagnostics = new DiagnosticBag();
        var article = new Article("", "s", "Test", new PublishDate(new DateTimeOffset(2024, 1, 4, 0, 0, 0, TimeSpan.Zero), false), null, [], null, false, null, markdown);

        var rendered = new MarkdownRenderer(allowHtml: false).Render(article, sources ?? SourceRegistry.Empty, diagnostics);

        Assert.Empty(diagnostics.ToSortedList());
        return rendered!.TextOf(Assert.Single(rendered.Notes));
    }
}
