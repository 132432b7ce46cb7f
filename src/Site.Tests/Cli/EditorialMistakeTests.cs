using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>
/// What an editor can get wrong on a page without noticing (issue 13, items 3, 4 and 13), each built by the
/// real program: headings named like the page's own ids, an id written twice by the templates, editorial
/// comments, and invisible characters in a message.
/// </summary>
public sealed partial class EditorialMistakeTests
{
    /// <summary>A theme like the default one: the article's id is its slug, and the layout has a "main" landmark.</summary>
    private const string Layout = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
        <body><main id="main">
        {{ content }}
        </main></body></html>

        """;

    private const string ArticleTemplate = """
        <article id="{{ article.slug }}">
        {{ article.body }}{{ article.notes }}</article>

        """;

    [Fact]
    public async Task Headings_named_main_or_like_the_slug_or_a_note_get_ids_of_their_own()
    {
        using var site = new TestSite()
            .With("templates/layout.html", Layout)
            .With("templates/article.html", ArticleTemplate)
            .With("content/budget.md", TestSite.Article("## Main\n\n## Budget\n\n## budget--note-x\n\nCuts.[^x]\n\n[^x]: Announced in May.\n"));

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 0, run.ToString());
        var page = File.ReadAllText(site.Path("output/budget/index.html"));
        var ids = IdAttribute().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Distinct(), ids);
        Assert.Contains("<h2 id=\"main-1\">Main</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"budget-1\">Budget</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"budget-note-x\">budget--note-x</h2>", page, StringComparison.Ordinal);
        // The reference still jumps to its note, not to the heading.
        Assert.Contains("href=\"#budget--note-x\"", page, StringComparison.Ordinal);
        Assert.Contains("<li class=\"note\" id=\"budget--note-x\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_written_twice_by_the_templates_is_an_error_naming_the_page_and_both_places()
    {
        using var site = new TestSite()
            .With("templates/layout.html", Layout.Replace("<main id=\"main\">", "<p id=\"top\"></p><main id=\"main\">", StringComparison.Ordinal))
            .With("templates/article.html", "<a id=\"top\"></a>\n" + ArticleTemplate)
            .With("content/budget.md", TestSite.Article("Cuts.\n"));

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            ["templates/article.html(1,4): error SITE041: the id 'top' is on the page budget/index.html more than once, written by templates/article.html(1,4) and templates/layout.html(3,10); links to it would reach only the first"],
            run.StderrLines);
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Fact]
    public async Task Editorial_comments_are_never_published_even_with_allow_html()
    {
        using var site = new TestSite()
            .With("content/site.yml", "title: Test site\nallow_html: true\n")
            .With("content/talks.md", TestSite.Article("""
                Talks resumed.<!-- TODO: check with the desk [^date] --> Both sides attended.[^who]

                <!-- Held back until the ministry confirms:

                The minister resigned.[^date]
                -->

                [^who]: Both delegations.

                [^date]: Reuters, 3 May.

                """));

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["content/talks.md(14,1): warning SITE014: annotation [^date] is defined but never referenced"], run.StderrLines);
        var page = File.ReadAllText(site.Path("output/talks/index.html"));
        Assert.DoesNotContain("TODO", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", page, StringComparison.Ordinal);
        Assert.DoesNotContain("resigned", page, StringComparison.Ordinal);
        Assert.Contains("Both sides attended.", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("github")]
    public async Task A_right_to_left_mark_in_a_label_is_shown_escaped_in_every_diagnostics_format(string format)
    {
        using var site = new TestSite().With("content/x.md", TestSite.Article("A claim.[^a\u200Fb]\n"));

        var run = await site.RunAsync("build", "--diagnostics", format);

        Assert.True(run.ExitCode == 1, run.ToString());
        var output = run.Stdout + run.Stderr;
        // JSON escapes '<' itself: the message is read back as a JSON reader would.
        var messages = format == "json"
            ? string.Join("\n", System.Text.Json.JsonDocument.Parse(run.Stdout).RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString()))
            : output;
        Assert.Contains("a<U+200F>b", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200F", messages, StringComparison.Ordinal);
        Assert.DoesNotContain("\u200F", output, StringComparison.Ordinal);
    }

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();
}
