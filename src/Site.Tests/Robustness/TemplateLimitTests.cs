using Site.Generation;
using Site.Tests.Support;

namespace Site.Tests.Robustness;

/// <summary>
/// A runaway template fails the page it runs for, with a positioned error and in bounded time; the other
/// pages still render and the process carries on (issue 7). Templating/TemplateErrorTests has the
/// everyday mistakes; these are the limits.
/// </summary>
public sealed class TemplateLimitTests
{
    /// <summary>What runs away; the column of the error inside that text (0 for an error about the whole
    /// page); how the message starts, with {slug} for the page's and {limit} for Scriban's loop limit, which
    /// a build sets to 1,000 + 4 per article and per tag.</summary>
    public static TheoryData<string, string, int, string> Runaways => new()
    {
        { "endless loop", "{{ while true }}x{{ end }}", 4, "SITE031: Exceeding number of iteration limit `{limit}` for loop statement." },
        { "endless for", "{{ for i in 1..1000000000 }}{{ end }}", 14, "SITE031: Range expression exceeds LoopLimit `{limit}`." },
        { "deep recursion", "{{ func down(n); ret down(n + 1); end; down(0) }}", 22, "SITE031: Exceeding number of recursive depth limit `100` for node: `down(n+1)`" },
        { "a page including itself", "{{ include 'article.html' }}", 4, "SITE031: Exceeding number of recursive depth limit `100` for node: `include 'article.html'`" },
        { "a huge string", "{{ 'a' * 100000000 }}", 10, "SITE031: String multiplication exceeds LimitToString `16777216`." },
        { "a huge padding", "{{ '' | string.pad_left 100000000 }}", 25, "SITE031: Padding width `100000000` exceeds the configured LimitToString `16777216`." },
        { "a huge array", "{{ [1] * 100000000 }}", 8, "SITE031: Exceeding number of iteration limit `{limit}` for internal iteration." },
        { "a huge shift", "{{ 1 << 100000000 }}", 6, "SITE031: Shift amount `100000000` exceeds maximum supported magnitude `1048576`." },
        { "output too large", "{{ x = 'a' * 9000000 }}{{ x }}{{ x }}", 0, "SITE032: the page '/{slug}/' is larger than 16 MB, the most one page may be; split the article or shorten the template's output" },
        { "a missing include", "{{ include 'partials/missing.html' }}", 4, "SITE031: include 'partials/missing.html' was not found in templates/" },
        // The message depends on the host: the test host serializes with reflection and finds the cycle; the
        // tool (trimmed, AOT-ready) has reflection-based JSON off, so its object.to_json fails on any object.
        { "an object cycle", "{{ x = {}; x.self = x; x | object.to_json }}", 28, "SITE031: " },
    };

    [Theory]
    [MemberData(nameof(Runaways))]
    public async Task A_runaway_template_fails_only_its_page_with_a_positioned_error(string what, string runaway, int column, string message)
    {
        // The template runs away for the article slugged "bad" only; the other pages must not notice.
        const string Indent = "   ";
        using var site = new TestSite()
            .With("templates/article.html", $"<h1>{{{{ article.title }}}}</h1>\n{{{{ if article.slug == 'bad' }}}}\n{Indent}{runaway}\n{{{{ end }}}}\n{{{{ article.body }}}}\n")
            .With("content/bad.md", TestSite.Article("Runs away.\n"))
            .With("content/first.md", TestSite.Article("First.\n"))
            .With("content/second.md", TestSite.Article("Second.\n"));
        var output = new MemoryOutput();

        var result = await HangGuard.RunAsync(() => SiteBuilder.Build(new BuildOptions(site.Path("content"), site.Path("templates"), site.OutputDir), output), what);

        var diagnostics = result.Diagnostics.Select(d => (d with { File = d.File.Replace(site.Root + "/", "", StringComparison.Ordinal) }).ToString()).ToList();
        var where = column == 0 ? "templates/article.html" : $"templates/article.html(3,{Indent.Length + column})";
        message = message.Replace("{limit}", LoopLimit(articles: 3), StringComparison.Ordinal).Replace("{slug}", "bad", StringComparison.Ordinal);
        Assert.True(diagnostics.Count == 1 && diagnostics[0].StartsWith($"{where}: error {message}", StringComparison.Ordinal),
            $"{what}: expected one error, '{where}: error {message}…', got:\n{string.Join("\n", diagnostics)}");
        Assert.False(result.Published);
        Assert.False(output.Files.ContainsKey("bad/index.html"), $"{what}: the runaway page must not be written");
        Assert.Contains("<p>First.</p>", System.Text.Encoding.UTF8.GetString(output.Files["first/index.html"]), StringComparison.Ordinal);
        Assert.Contains("<p>Second.</p>", System.Text.Encoding.UTF8.GetString(output.Files["second/index.html"]), StringComparison.Ordinal);
        Assert.True(output.Files.ContainsKey("index.html"));
    }

    [Fact]
    public void A_template_nested_too_deep_to_parse_is_a_positioned_error()
    {
        // 5,000 parentheses: Scriban's parser recursed until the stack overflowed, before 7.2.1.
        using var site = new TestSite()
            .With("templates/article.html", "<h1>x</h1>\n{{ " + new string('(', 5000) + "1" + new string(')', 5000) + " }}\n")
            .With("content/a.md", TestSite.Article());

        var build = site.Build();

        Assert.NotEmpty(build.Diagnostics);
        Assert.All(build.Diagnostics, d => Assert.Matches(@"^templates/article\.html\(2,\d+\): error SITE030: The statement depth limit `250` was reached", d));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public async Task Every_runaway_at_once_ends_the_process_normally_with_exit_1()
    {
        // One article per runaway, all in one run of the real program: each is reported, none takes the
        // process down (a stack overflow or an out-of-memory would end it with another exit code).
        using var site = new TestSite();
        var cases = Runaways.Select(row => (What: row.Data.Item1, Runaway: row.Data.Item2, Column: row.Data.Item3, Message: row.Data.Item4)).ToList();
        var branches = cases.Select((c, i) => $"{{{{ if article.slug == 'case-{i}' }}}}{c.Runaway}{{{{ end }}}}").ToList();
        site.With("templates/article.html", "<h1>{{ article.title }}</h1>\n" + string.Concat(branches.Select(b => b + "\n")) + "{{ article.body }}\n");
        for (var i = 0; i < cases.Count; i++)
        {
            site.With($"content/case-{i}.md", TestSite.Article(cases[i].What + "\n"));
        }

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        // Branch i is on line i + 2, its runaway after the "if"; page-level errors come first, by file order.
        var expected = cases.Select((c, i) => (c.Column == 0
                ? $"templates/article.html: error {c.Message}"
                : $"templates/article.html({i + 2},{branches[i].IndexOf(c.Runaway, StringComparison.Ordinal) + c.Column}): error {c.Message}")
                .Replace("{limit}", LoopLimit(cases.Count), StringComparison.Ordinal).Replace("{slug}", $"case-{i}", StringComparison.Ordinal))
            .ToList();
        Assert.True(expected.Count == run.StderrLines.Length, run.ToString());
        foreach (var line in expected)
        {
            Assert.True(run.StderrLines.Any(l => l.StartsWith(line, StringComparison.Ordinal)), $"missing '{line}…' in:\n{run.Stderr}");
        }
        Assert.Contains($"Build failed; output was left unchanged: 0 warnings, {cases.Count} errors", run.Stdout, StringComparison.Ordinal);
    }

    private static string LoopLimit(int articles) => (1000 + (4 * articles)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
