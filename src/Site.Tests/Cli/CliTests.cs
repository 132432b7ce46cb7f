using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>The real program, run as a process in a temp site folder: one test per exit code and option.</summary>
public sealed class CliTests
{
    private const string CleanArticle = """
        ---
        title: First
        date: 2024-01-02
        ---

        The toll was disputed.[^toll]

        [^toll]: The official toll was 238.

        """;

    // Line 10 holds the unused definition.
    private const string ArticleWithWarning = """
        ---
        title: First
        date: 2024-01-02
        ---

        The toll was disputed.[^toll]

        [^toll]: The official toll was 238.

        [^spare]: Never referenced.

        """;

    private const string UnusedNoteWarning = "content/first.md(10,1): warning SITE014: annotation [^spare] is defined but never referenced";

    [Fact]
    public async Task Clean_site_exits_0_with_a_summary_line()
    {
        using var site = new TestSite().With("content/first.md", CleanArticle);

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        var summary = Assert.Single(run.StdoutLines);
        Assert.Matches(Summary("wrote 2 pages and 1 other file to output", warnings: 0, errors: 0), summary);
        Assert.True(File.Exists(site.Path("output/first/index.html")));
        Assert.True(File.Exists(site.Path("output/index.html")));
    }

    [Fact]
    public async Task A_site_with_no_articles_yet_says_it_wrote_1_page_in_the_singular()
    {
        using var site = new TestSite();

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(Summary("wrote 1 page to output", warnings: 0, errors: 0), Assert.Single(run.StdoutLines));
    }

    [Fact]
    public async Task Warnings_alone_exit_0()
    {
        using var site = new TestSite().With("content/first.md", ArticleWithWarning);

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([UnusedNoteWarning], run.StderrLines);
        Assert.Matches(Summary("wrote 2 pages and 1 other file to output", warnings: 1, errors: 0), Assert.Single(run.StdoutLines));
        Assert.True(File.Exists(site.Path("output/first/index.html")));
    }

    [Fact]
    public async Task Strict_turns_a_warning_into_exit_1_and_publishes_nothing()
    {
        using var site = new TestSite().With("content/first.md", ArticleWithWarning);

        var run = await site.RunAsync("build", "--strict");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal([UnusedNoteWarning], run.StderrLines);
        Assert.Matches(Summary("failed; output was left unchanged", warnings: 1, errors: 0), Assert.Single(run.StdoutLines));
        Assert.False(Directory.Exists(site.OutputDir), "a failed build must not create output/");
    }

    [Fact]
    public async Task Errors_exit_1_and_leave_the_previous_output_byte_identical()
    {
        using var site = new TestSite().With("content/first.md", CleanArticle);
        var first = await site.RunAsync("build");
        Assert.True(first.ExitCode == 0, first.ToString());
        site.With("output/marker.txt", "left by the test\n");
        var before = DirectoryTree.Read(site.OutputDir);
        site.With("content/first.md", CleanArticle.Replace("[^toll]: The official toll was 238.", "[^tol]: Misspelt.", StringComparison.Ordinal));

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(
            [
                "content/first.md(6,23): error SITE012: annotation [^toll] has no definition",
                "content/first.md(8,1): warning SITE014: annotation [^tol] is defined but never referenced",
            ],
            run.StderrLines);
        Assert.Matches(Summary("failed; output was left unchanged", warnings: 1, errors: 1), Assert.Single(run.StdoutLines));
        var after = DirectoryTree.Read(site.OutputDir);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
    }

    [Theory]
    [InlineData("site: error: no command given")]
    [InlineData("site: error: unknown command 'publish'", "publish")]
    [InlineData("site: error: unknown option '--bogus'", "build", "--bogus")]
    [InlineData("site: error: option '--output' needs a ", "build", "--output")]
    [InlineData("site: error: option '--content' needs a ", "build", "--content", "--drafts")]
    [InlineData("site: error: unexpected argument 'extra'", "build", "extra")]
    [InlineData("site: error: --content folder 'missing' does not exist", "build", "--content", "missing")]
    public async Task Bad_usage_exits_2_without_building(string error, params string[] args)
    {
        using var site = new TestSite().With("content/first.md", CleanArticle);

        var run = await site.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Stdout);
        Assert.StartsWith(error, run.StderrLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.OutputDir), "bad usage must not build");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_usage_to_stdout_and_exits_0(string option)
    {
        using var site = new TestSite();

        var run = await site.RunAsync(option);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        Assert.Contains("Usage:\n  site [command] [options]", run.Stdout, StringComparison.Ordinal);
        foreach (var command in new[] { "build", "serve", "check", "init <DIR>", "new <TITLE>", "theme" })
        {
            Assert.Matches(new Regex($"^  {Regex.Escape(command)} ", RegexOptions.Multiline), run.Stdout);
        }
        Assert.Contains("Exit codes: 0 built", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build --help", "site build [options]", "--output <DIR>", "--port")]
    [InlineData("help build", "site build [options]", "-c, --content <DIR>", "--external")]
    [InlineData("serve -h", "site serve [options]", "--port <N>", "--output")]
    [InlineData("check --help", "site check [options]", "--max-age <AGE>", "--output")]
    [InlineData("theme eject --help", "site theme eject [options]", "--templates <DIR>", "--content")]
    public async Task Each_command_has_its_own_help(string args, string usage, string has, string hasNot)
    {
        using var site = new TestSite();

        var run = await site.RunAsync(args.Split(' '));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(usage, run.Stdout, StringComparison.Ordinal);
        Assert.Contains(has, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(hasNot, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes:", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("biuld", "unknown command 'biuld' (did you mean 'build'?)")]
    [InlineData("build --ouput public", "unknown option '--ouput' (did you mean '--output'?)")]
    [InlineData("check --extrenal", "unknown option '--extrenal' (did you mean '--external'?)")]
    [InlineData("serve --drafs", "unknown option '--drafs' (did you mean '--drafts'?)")]
    [InlineData("build --Output public", "unknown option '--Output' (did you mean '--output'?)")]
    [InlineData("build --no-cahe", "unknown option '--no-cahe' (did you mean '--no-cache'?)")]
    public async Task A_mistyped_command_or_option_suggests_the_closest(string args, string error)
    {
        using var site = new TestSite().With("content/first.md", CleanArticle);

        var run = await site.RunAsync(args.Split(' '));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal([$"site: error: {error}", $"Run 'site {(args.StartsWith("biuld", StringComparison.Ordinal) ? "" : args.Split(' ')[0] + " ")}--help' for usage."], run.StderrLines);
        Assert.False(Directory.Exists(site.OutputDir), "bad usage must not build");
    }

    [Fact]
    public async Task Options_take_their_value_after_an_equals_sign_and_have_shortFormsforms()
    {
        using var site = new TestSite().With("content/first.md", CleanArticle);
        Directory.Move(site.Path("content"), site.Path("articles"));

        var run = await site.RunAsync("build", "--content=articles", "-o", "public", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stdout + run.Stderr);
        Assert.True(File.Exists(site.Path("public/first/index.html")));

        var shortForms = await site.RunAsync("build", "-c", "articles", "--output=public2");

        Assert.True(shortForms.ExitCode == 0, shortForms.ToString());
        Assert.True(File.Exists(site.Path("public2/first/index.html")));
    }

    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        using var site = new TestSite();

        var run = await site.RunAsync("--version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        Assert.Matches(@"^site \d+\.\d+\.\d+\S*$", Assert.Single(run.StdoutLines));
    }

    [Fact]
    public async Task Drafts_are_published_only_with_the_drafts_option()
    {
        using var site = new TestSite()
            .With("content/first.md", CleanArticle)
            .With("content/unfinished.md", TestSite.Article(title: "Unfinished", extra: "draft: true\n"));

        var without = await site.RunAsync("build");

        Assert.True(without.ExitCode == 0, without.ToString());
        Assert.Matches(Summary("wrote 2 pages and 1 other file to output, holding back 1 draft (--drafts)", warnings: 0, errors: 0), Assert.Single(without.StdoutLines));
        Assert.False(Directory.Exists(site.Path("output/unfinished")));
        Assert.DoesNotContain("Unfinished", File.ReadAllText(site.Path("output/index.html")), StringComparison.Ordinal);

        var with = await site.RunAsync("build", "--drafts");

        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Matches(Summary("wrote 3 pages and 2 other files to output", warnings: 0, errors: 0), Assert.Single(with.StdoutLines));
        Assert.True(File.Exists(site.Path("output/unfinished/index.html")));
        Assert.Contains("Unfinished", File.ReadAllText(site.Path("output/index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_templates_and_output_options_are_honoured()
    {
        using var site = new TestSite().With("content/first.md", ArticleWithWarning);
        Directory.Move(site.Path("content"), site.Path("articles"));
        Directory.Move(site.Path("templates"), site.Path("theme"));

        var run = await site.RunAsync("build", "--content", "articles", "--templates", "theme", "--output", "public");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([UnusedNoteWarning.Replace("content/", "articles/", StringComparison.Ordinal)], run.StderrLines);
        Assert.Matches(Summary("wrote 2 pages and 1 other file to public", warnings: 1, errors: 0), Assert.Single(run.StdoutLines));
        Assert.True(File.Exists(site.Path("public/first/index.html")));
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Fact]
    public async Task Template_diagnostics_name_the_templates_option_folder()
    {
        using var site = new TestSite().With("content/first.md", CleanArticle).With("templates/article.html", "<h1>{{ page.titel }}</h1>\n");
        Directory.Move(site.Path("templates"), site.Path("theme"));

        var run = await site.RunAsync("build", "--templates", "theme");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.StartsWith("theme/article.html(1,13): error SITE031: ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    private static Regex Summary(string outcome, int warnings, int errors) =>
        new($@"^Build {Regex.Escape(outcome)}: {warnings} warning{(warnings == 1 ? "" : "s")}, {errors} error{(errors == 1 ? "" : "s")} in \d+ ms\.$");
}
