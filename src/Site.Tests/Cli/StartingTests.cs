using System.Text.RegularExpressions;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>Starting a site as a newcomer does, the real program in temp folders: init, new, the default
/// theme and its overrides, eject, and finding the site from a sub-folder.</summary>
public sealed class StartingTests
{
    private static readonly string RepoTemplates = Path.Combine(RepoRoot.Find(), "templates");

    [Fact]
    public async Task Init_then_new_then_build_from_a_sub_folder_publishes_with_the_default_theme()
    {
        using var folder = new TempDirectory();

        var init = await SiteProcess.RunAsync(folder.Path, ["init", "news"]);
        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Equal(["content/site.yml", "content/welcome.md"], DirectoryTree.Read(folder.Combine("news")).Keys.Order(StringComparer.Ordinal));

        var created = await SiteProcess.RunAsync(folder.Combine("news"), ["new", "Budget vote: what's next?"]);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("Wrote content/budget-vote-what-s-next.md", Assert.Single(created.StdoutLines));
        var article = File.ReadAllText(folder.Combine("news/content/budget-vote-what-s-next.md"));
        Assert.Contains("title: \"Budget vote: what's next?\"\n", article, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^date: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$", RegexOptions.Multiline), article);

        // Run from inside content/, the site is found above, as git finds .git.
        Directory.CreateDirectory(folder.Combine("news/content/2025"));
        var build = await SiteProcess.RunAsync(folder.Combine("news/content/2025"), ["build"]);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Equal("", build.Stderr);
        // The two articles, the index and the 404 page, and the default theme's listings: tags overview, a tag, archive, a month, fact-checks.
        Assert.Contains("Build wrote 10 pages and ", build.Stdout, StringComparison.Ordinal);
        foreach (var page in new[] { "index.html", "welcome/index.html", "budget-vote-what-s-next/index.html", "404.html" })
        {
            Assert.True(File.Exists(folder.Combine("news/output/" + page)), page);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoTemplates, "assets/site.css")), File.ReadAllBytes(folder.Combine("news/output/assets/site.css")));
        Assert.False(Directory.Exists(folder.Combine("news/content/2025/output")));
    }

    [Fact]
    public async Task Init_into_a_folder_that_is_not_empty_is_refused_and_writes_nothing()
    {
        using var folder = new TempDirectory();
        folder.Write("notes.txt", "mine\n");
        var before = DirectoryTree.Read(folder.Path);

        var run = await SiteProcess.RunAsync(folder.Path, ["init"]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("site: error: '.' is not empty; init starts a site only in an empty folder (or one with only hidden files, like .git)", run.StderrLines[0]);
        Assert.Equal(before.Keys, DirectoryTree.Read(folder.Path).Keys);
    }

    [Fact]
    public async Task New_over_an_existing_file_is_refused_and_leaves_it_as_it_was()
    {
        using var site = new TestSite().With("content/budget-vote.md", TestSite.Article(title: "Mine"));

        var run = await site.RunAsync("new", "Budget vote");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("site: error: 'content/budget-vote.md' already exists; edit it, or choose another title", run.StderrLines[0]);
        Assert.Equal(TestSite.Article(title: "Mine"), File.ReadAllText(site.Path("content/budget-vote.md")));
    }

    [Fact]
    public async Task A_site_with_one_partial_of_its_own_gets_it_and_the_default_theme_for_everything_else()
    {
        using var folder = new TempDirectory();
        folder.Write("content/site.yml", "title: Override test\n");
        folder.Write("content/first.md", TestSite.Article(title: "First"));
        folder.Write("templates/partials/footer.html", "<footer class=\"ours\">Our own footer</footer>\n");

        var run = await SiteProcess.RunAsync(folder.Path, ["build"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var page in new[] { "output/index.html", "output/first/index.html" })
        {
            var html = File.ReadAllText(folder.Combine(page));
            Assert.Contains("<footer class=\"ours\">Our own footer</footer>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("site-footer", html, StringComparison.Ordinal);
            // The default layout and head around it.
            Assert.Contains("assets/site.css", html, StringComparison.Ordinal);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoTemplates, "assets/site.js")), File.ReadAllBytes(folder.Combine("output/assets/site.js")));
    }

    [Fact]
    public async Task Eject_writes_the_default_theme_which_builds_the_same_site_and_refuses_to_overwrite()
    {
        using var folder = new TempDirectory();
        folder.Write("content/first.md", TestSite.Article(title: "First", body: "The toll was disputed.[^toll]\n\n[^toll]: The official toll was 238.\n"));
        var builtIn = await SiteProcess.RunAsync(folder.Path, ["build", "-o", "built-in"]);
        Assert.True(builtIn.ExitCode == 0, builtIn.ToString());

        var eject = await SiteProcess.RunAsync(folder.Path, ["theme", "eject"]);

        Assert.True(eject.ExitCode == 0, eject.ToString());
        var theme = DirectoryTree.Read(folder.Combine("templates"));
        var source = DirectoryTree.Read(RepoTemplates);
        Assert.Equal(source.Keys.Order(StringComparer.Ordinal), theme.Keys.Order(StringComparer.Ordinal));
        Assert.All(source, file => Assert.True(file.Value.AsSpan().SequenceEqual(theme[file.Key]), $"{file.Key} differs from the repository's templates/"));

        var ejected = await SiteProcess.RunAsync(folder.Path, ["build", "-o", "ejected"]);
        Assert.True(ejected.ExitCode == 0, ejected.ToString());
        var (a, b) = (DirectoryTree.Read(folder.Combine("built-in")), DirectoryTree.Read(folder.Combine("ejected")));
        Assert.Equal(a.Keys.Order(StringComparer.Ordinal), b.Keys.Order(StringComparer.Ordinal));
        Assert.All(a, file => Assert.True(file.Value.AsSpan().SequenceEqual(b[file.Key]), $"{file.Key} differs"));

        folder.Write("templates/partials/footer.html", "<footer>changed</footer>\n");
        var again = await SiteProcess.RunAsync(folder.Path, ["theme", "eject"]);

        Assert.True(again.ExitCode == 2, again.ToString());
        Assert.StartsWith("site: error: 'templates/404.html' and ", again.StderrLines[0], StringComparison.Ordinal);
        Assert.Equal("<footer>changed</footer>\n", File.ReadAllText(folder.Combine("templates/partials/footer.html")));
    }
}
