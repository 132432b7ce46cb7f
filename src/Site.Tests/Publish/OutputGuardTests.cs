using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>Every build replaces the output folder, so Site refuses folders it must not replace (issue 5).</summary>
public sealed class OutputGuardTests
{
    [Theory]
    [InlineData("content", "is the content folder")]
    [InlineData("templates", "is the templates folder")]
    [InlineData("content/out", "is inside the content folder")]
    [InlineData("templates/assets", "is inside the templates folder")]
    [InlineData(".", "contains the content folder")]
    [InlineData("/", "file-system root")]
    public async Task Refuses_an_output_folder_that_would_destroy_sources(string output, string reason)
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article());
        var before = AtomicOutputTests.Hash(site.Root);

        var run = await site.RunAsync("build", "--output", output);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Stderr);
        Assert.Equal(before, AtomicOutputTests.Hash(site.Root));
    }

    [Fact]
    public async Task Refuses_the_root_of_a_repository()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article()).With("repo/.git/HEAD", "ref: refs/heads/main\n");
        var run = await site.RunAsync("build", "--output", "repo");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("root of a repository", run.Stderr);
        Assert.True(File.Exists(site.Path("repo/.git/HEAD")));
    }

    [Fact]
    public async Task Refuses_the_home_folder()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article()).With("home/notes.txt", "mine");
        var run = await SiteProcess.RunAsync(site.Root, ["build", "--output", site.Path("home")], new Dictionary<string, string> { ["HOME"] = site.Path("home") });
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("home folder", run.Stderr);
        Assert.Equal("mine", File.ReadAllText(site.Path("home/notes.txt")));
    }

    [Fact]
    public async Task Refuses_a_non_empty_folder_it_did_not_write_and_takes_its_own()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article()).With("docs/handmade.html", "<p>mine");

        var refused = await site.RunAsync("build", "--output", "docs");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("not written by site build", refused.Stderr);
        Assert.True(File.Exists(site.Path("docs/handmade.html")));

        Assert.Equal(0, (await site.RunAsync("build", "--output", "site-out")).ExitCode);
        Assert.True(File.Exists(site.Path("site-out/.site-build")));
        Assert.Equal(0, (await site.RunAsync("build", "--output", "site-out")).ExitCode);
    }

    [Theory]
    [InlineData("notes.txt", "--output 'notes.txt' is a file, not a folder; choose a folder for the site")]
    [InlineData("/dev/null", "--output '/dev/null' is a file, not a folder; choose a folder for the site")]
    [InlineData("notes.txt/sub", "--output 'notes.txt/sub' cannot be a folder: 'notes.txt' is a file")]
    public async Task An_output_that_is_a_file_is_refused_in_one_line_before_any_work(string output, string message)
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article()).With("notes.txt", "mine");

        var run = await site.RunAsync("build", "--output", output);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal([$"site: error: {message}"], run.StderrLines);
        Assert.Empty(run.Stdout);
        Assert.Equal("mine", File.ReadAllText(site.Path("notes.txt")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".site-staging-*"));
    }

    [Theory]
    [InlineData("outlink/sub", "is inside the content folder")]
    [InlineData("outlink", "is the content folder")]
    [InlineData("deeper/outlink/sub", "is inside the content folder")]
    public async Task A_symbolic_link_to_content_does_not_get_the_output_inside_it(string output, string reason)
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article());
        File.CreateSymbolicLink(site.Path("outlink"), "content");
        Directory.CreateDirectory(site.Path("deeper"));
        File.CreateSymbolicLink(site.Path("deeper/outlink"), "../outlink");
        var before = AtomicOutputTests.Hash(site.Path("content"));

        var run = await site.RunAsync("build", "--output", output);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(reason, run.Stderr);
        Assert.False(Directory.Exists(site.Path("content/sub")));
        Assert.Equal(before, AtomicOutputTests.Hash(site.Path("content")));
    }
}
