using System.Diagnostics;
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
    /// <summary>A guard against a hang, not a speed requirement; the template timeout is 10 s.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public static TheoryData<string, string, string> Runaways => new()
    {
        { "endless loop", "{{ while true }}x{{ end }}", @"^templates/article\.html\(3,\d+\): error SITE031: Exceeding number of iteration limit" },
        { "endless for", "{{ for i in 1..1000000000 }}{{ end }}", @"^templates/article\.html\(3,\d+\): error SITE031: .*LoopLimit" },
        { "deep recursion", "{{ func down(n); ret down(n + 1); end; down(0) }}", @"^templates/article\.html\(3,\d+\): error SITE031: Exceeding number of recursive depth limit `100`" },
        { "a page including itself", "{{ include 'article.html' }}", @"^templates/article\.html\(3,\d+\): error SITE031: Exceeding number of recursive depth limit `100`" },
        { "a huge string", "{{ 'a' * 100000000 }}", @"^templates/article\.html\(3,\d+\): error SITE031: String multiplication exceeds LimitToString" },
        { "a huge padding", "{{ '' | string.pad_left 100000000 }}", @"^templates/article\.html\(3,\d+\): error SITE031: Padding width `100000000` exceeds" },
        { "a huge array", "{{ [1] * 100000000 }}", @"^templates/article\.html\(3,\d+\): error SITE031: Exceeding number of iteration limit" },
        { "a huge shift", "{{ 1 << 100000000 }}", @"^templates/article\.html\(3,\d+\): error SITE031: Shift amount" },
        { "output too large", "{{ x = 'a' * 9000000 }}{{ x }}{{ x }}", @"^templates/article\.html: error SITE032: the page '/bad/' is larger than 16 MB" },
        { "a missing include", "{{ include 'partials/missing.html' }}", @"^templates/article\.html\(3,\d+\): error SITE031: include 'partials/missing\.html' was not found in templates/" },
        { "an object cycle", "{{ x = {}; x.self = x; x | object.to_json }}", @"^templates/article\.html\(3,\d+\): error SITE031: " },
    };

    [Theory]
    [MemberData(nameof(Runaways))]
    public void A_runaway_template_fails_only_its_page_with_a_positioned_error(string what, string runaway, string error)
    {
        // The template runs away for the article slugged "bad" only; the other pages must not notice.
        using var site = new TestSite()
            .With("templates/article.html", $"<h1>{{{{ article.title }}}}</h1>\n{{{{ if article.slug == 'bad' }}}}\n   {runaway}\n{{{{ end }}}}\n{{{{ article.body }}}}\n")
            .With("content/bad.md", TestSite.Article("Runs away.\n"))
            .With("content/first.md", TestSite.Article("First.\n"))
            .With("content/second.md", TestSite.Article("Second.\n"));
        var output = new MemoryOutput();

        var clock = Stopwatch.StartNew();
        var result = SiteBuilder.Build(new BuildOptions(site.Path("content"), site.Path("templates"), site.OutputDir), output);

        Assert.True(clock.Elapsed < HangGuard, $"{what}: the build took {clock.Elapsed}");
        var diagnostics = result.Diagnostics.Select(d => (d with { File = d.File.Replace(site.Root + "/", "", StringComparison.Ordinal) }).ToString()).ToList();
        Assert.True(diagnostics.Count == 1, $"{what}: expected one error, got:\n{string.Join("\n", diagnostics)}");
        Assert.Matches(error, diagnostics[0]);
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
        var cases = Runaways.Select(row => (row.Data.Item1, row.Data.Item2)).ToList();
        var branches = string.Concat(cases.Select((c, i) => $"{{{{ if article.slug == 'case-{i}' }}}}{c.Item2}{{{{ end }}}}\n"));
        site.With("templates/article.html", "<h1>{{ article.title }}</h1>\n" + branches + "{{ article.body }}\n");
        for (var i = 0; i < cases.Count; i++)
        {
            site.With($"content/case-{i}.md", TestSite.Article(cases[i].Item1 + "\n"));
        }

        var clock = Stopwatch.StartNew();
        var run = await site.RunAsync("build");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the build took {clock.Elapsed}");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(cases.Count, run.StderrLines.Length);
        Assert.All(run.StderrLines, line => Assert.Matches(@"^templates/article\.html(\(\d+,\d+\))?: error SITE03[12]: ", line));
        Assert.Contains($"Build failed; output was left unchanged: 0 warning(s), {cases.Count} error(s)", run.Stdout, StringComparison.Ordinal);
    }
}
