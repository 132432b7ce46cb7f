using Site.Tests.Support;

namespace Site.Tests.Robustness;

/// <summary>
/// Names that could write outside output/, overwrite another page or publish a file from anywhere are
/// refused (issue 7); file names in any script, with spaces, build.
/// </summary>
public sealed class DangerousNameTests
{
    /// <summary>An index that links every article, so the link check resolves each page's address.</summary>
    private const string LinkingIndex = "<ul>\n{{~ for a in articles }}\n<li><a href=\"{{ a.url }}\">{{ a.title }}</a></li>\n{{~ end }}\n</ul>\n";

    [Fact]
    public async Task File_names_with_spaces_and_letters_of_any_script_build()
    {
        var names = new Dictionary<string, string>
        {
            ["My first report.md"] = "my-first-report",
            ["Қаңтар оқиғалары.md"] = "қаңтар-оқиғалары",
            ["Ελληνικά νέα.md"] = "ελληνικά-νέα",
            ["新闻 报道.md"] = "新闻-报道",
            ["أخبار اليوم.md"] = "أخبار-اليوم",
            ["समाचार रिपोर्ट.md"] = "समाचार-रिपोर्ट",
            ["ข่าววันนี้.md"] = "ข่าววันนี้",
            // Decomposed, as macOS writes names: the slug is composed, "café".
            ["Cafe\u0301 prices.md"] = "caf\u00e9-prices",
        };
        using var site = new TestSite().With("templates/index.html", LinkingIndex);
        foreach (var name in names.Keys)
        {
            site.With("content/" + name, TestSite.Article($"Text of {name}.[^n]\n\n[^n]: A note.\n", title: "\"" + name + "\""));
        }

        var run = await site.RunAsync("build");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var (name, slug) in names)
        {
            var page = site.Path($"output/{slug}/index.html");
            Assert.True(File.Exists(page), $"{name} should be published at {slug}/");
            Assert.Contains($"id=\"{slug}--note-n\"", File.ReadAllText(page), StringComparison.Ordinal);
            Assert.Contains($"href=\"{slug}/\"", File.ReadAllText(site.Path("output/index.html")), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("../../etc", "../../etc")]
    [InlineData("a/b", "a/b")]
    [InlineData("'a\\b'", "a\\b")]
    [InlineData("'a:b'", "a:b")]
    [InlineData("\"c:\"", "c:")]
    [InlineData("\"a\\tb\"", "a\\u0009b")]
    // Messages show invisible and bidi characters escaped, never raw.
    [InlineData("\"a\\u202Eb\"", "a<U+202E>b")]
    [InlineData("\"a\\u200Bb\"", "a<U+200B>b")]
    [InlineData("\"\\u0301a\"", "\u0301a")]
    public void Slug_that_could_leave_its_folder_is_an_error_at_the_value(string yaml, string shown)
    {
        using var site = new TestSite().With("content/a.md", $"---\ntitle: Hello\ndate: 2024-01-02\nslug: {yaml}\n---\nBody.\n");

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(4,7): error SITE006:", $"slug '{shown}' is not allowed"));
        Assert.False(Directory.Exists(site.OutputDir));
    }

    [Fact]
    public void Slug_with_a_control_character_is_an_error_at_the_value()
    {
        // Refused as text no page can show, before the slug rules are even asked.
        using var site = new TestSite().With("content/a.md", "---\ntitle: Hello\ndate: 2024-01-02\nslug: \"a\\x01b\"\n---\nBody.\n");

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/a.md(4,7): error SITE005:", "'slug' contains the character U+0001"));
    }

    [Theory]
    [InlineData("ǆemal", "ǅemal")]
    [InlineData("σ-report", "ς-report")]
    [InlineData("µ-report", "μ-report")]
    [InlineData("ſtory", "story")]
    public void Slugs_that_differ_only_in_case_are_an_error_at_the_second(string first, string second)
    {
        using var site = new TestSite()
            .With("content/a.md", TestSite.Article(extra: $"slug: {first}\n"))
            .With("content/b.md", TestSite.Article(extra: $"slug: {second}\n"));

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/b.md(4,7): error SITE007:", $"slug '{second}' differs only in case from '{first}' of content/a.md"));
        Assert.False(build.Result.Published);
    }

    [Fact]
    public void File_names_that_differ_only_in_case_are_an_error()
    {
        using var site = new TestSite().With("content/Report.md", TestSite.Article()).With("content/report.md", TestSite.Article());

        var build = site.Build();

        DiagnosticAssert.Exactly(build.Diagnostics, ("content/report.md: error SITE007:", "slug 'report' is already used by content/Report.md"));
    }

    [Fact]
    public async Task Symbolic_links_that_loop_or_leave_content_are_errors()
    {
        using var build = await RefusedBuild.StartAsync();
        var site = build.Site;
        site.With("secret.md", TestSite.Article("Not for publication.\n"));
        File.CreateSymbolicLink(site.Path("content/loop-a.md"), "loop-b.md");
        File.CreateSymbolicLink(site.Path("content/loop-b.md"), "loop-a.md");
        File.CreateSymbolicLink(site.Path("content/self.md"), "self.md");
        File.CreateSymbolicLink(site.Path("content/outside.md"), "../secret.md");
        File.CreateSymbolicLink(site.Path("content/passwd.md"), "/etc/passwd");
        File.CreateSymbolicLink(site.Path("content/dangling.md"), "nowhere.md");
        Directory.CreateDirectory(site.Path("content/sub"));
        Directory.CreateSymbolicLink(site.Path("content/sub/up"), "..");
        Directory.CreateSymbolicLink(site.Path("content/sub/again"), "..");
        Directory.CreateSymbolicLink(site.Path("content/root"), "/");
        // A link to a file inside content/ is fine: it is published under its own name.
        File.CreateSymbolicLink(site.Path("content/alias.md"), "good.md");

        var run = await build.RunAsync();

        string[] expected =
        [
            "content/dangling.md: error SITE009: symbolic link to 'nowhere.md', which does not exist",
            "content/loop-a.md: error SITE009: symbolic link that cannot be followed",
            "content/loop-b.md: error SITE009: symbolic link that cannot be followed",
            $"content/outside.md: error SITE009: symbolic link to '{site.Path("secret.md")}' points outside content/",
            "content/passwd.md: error SITE009: symbolic link to '/etc/passwd' points outside content/",
            "content/root: error SITE009: symbolic link to a folder",
            "content/self.md: error SITE009: symbolic link that cannot be followed",
            "content/sub/again: error SITE009: symbolic link to a folder",
            "content/sub/up: error SITE009: symbolic link to a folder",
        ];
        Assert.True(expected.Length == run.StderrLines.Length, run.ToString());
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.StartsWith(expected[i], run.StderrLines[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_template_linked_from_outside_templates_is_refused_not_published()
    {
        // includes cannot leave templates/, and neither can a link inside it: it used to publish any file.
        using var build = await RefusedBuild.StartAsync();
        var site = build.Site;
        site.With("secret.txt", "PRIVATE KEY\n").With("templates/article.html", "<h1>{{ article.title }}</h1>\n{{ include 'partials/leak.html' }}\n");
        Directory.CreateDirectory(site.Path("templates/partials"));
        File.CreateSymbolicLink(site.Path("templates/partials/leak.html"), "../../secret.txt");

        var run = await build.RunAsync();

        Assert.Equal($"templates/partials/leak.html: error SITE009: symbolic link to '{site.Path("secret.txt")}' points outside templates/; copy the file in instead", run.StderrLines[0]);
        Assert.DoesNotContain("PRIVATE KEY", run.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("templates/partials")]
    [InlineData("templates/assets/img")]
    public async Task Folder_links_that_loop_in_templates_are_refused_in_bounded_time(string folder)
    {
        // Two links up make 2^40 paths before the OS says "too many levels": the build used to never end.
        using var build = await RefusedBuild.StartAsync();
        var site = build.Site;
        Directory.CreateDirectory(site.Path(folder));
        Directory.CreateSymbolicLink(site.Path(folder + "/up"), "..");
        Directory.CreateSymbolicLink(site.Path(folder + "/again"), "..");

        var run = await build.RunAsync();

        Assert.Equal(
            [$"{folder}/again: error SITE009: symbolic link to a folder: links to folders are not followed", $"{folder}/up: error SITE009: symbolic link to a folder: links to folders are not followed"],
            run.StderrLines);
    }
}
