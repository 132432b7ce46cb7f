using System.Diagnostics;
using System.Security.Cryptography;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>output/ is always one whole build: never half-written, never stale, never lost (issue 5).</summary>
public sealed class AtomicOutputTests
{
    [Fact]
    public async Task A_failed_build_leaves_the_previous_output_byte_for_byte()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article("Good.[^n]\n\n[^n]: A note.\n"));
        Assert.Equal(0, (await site.RunAsync("build")).ExitCode);
        var before = Hash(site.OutputDir);

        site.With("content/a.md", TestSite.Article("Now broken.[^missing]\n"));
        var run = await site.RunAsync("build");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(before, Hash(site.OutputDir));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".site-staging-*"));
    }

    [Fact]
    public async Task Files_of_deleted_and_renamed_articles_do_not_survive()
    {
        using var site = new TestSite()
            .With("content/keep.md", TestSite.Article())
            .With("content/old-name.md", TestSite.Article())
            .With("content/gone.md", TestSite.Article());
        Assert.Equal(0, (await site.RunAsync("build")).ExitCode);
        Assert.True(File.Exists(Path.Combine(site.OutputDir, "gone/index.html")));

        File.Move(site.Path("content/old-name.md"), site.Path("content/new-name.md"));
        File.Delete(site.Path("content/gone.md"));
        Assert.Equal(0, (await site.RunAsync("build")).ExitCode);

        var pages = Directory.EnumerateFiles(site.OutputDir, "index.html", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(site.OutputDir, p).Replace('\\', '/')).Order(StringComparer.Ordinal);
        Assert.Equal(["index.html", "keep/index.html", "new-name/index.html"], pages);
    }

    [Fact]
    public async Task Leftover_staging_folders_of_a_killed_run_are_cleaned_up_next_time()
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article());
        // What a SIGKILLed run leaves: a staging folder named after a process that no longer exists.
        var leftover = site.Path(".site-staging-output-999999");
        Directory.CreateDirectory(leftover);
        File.WriteAllText(Path.Combine(leftover, "half.html"), "<p>half");

        Assert.Equal(0, (await site.RunAsync("build")).ExitCode);
        Assert.False(Directory.Exists(leftover));
    }

    /// <summary>Kills a build of a large site at random moments; after each kill output/ is exactly the
    /// previous build or exactly the new one, never a mix and never missing.</summary>
    [Fact]
    public async Task A_build_killed_at_any_moment_leaves_the_old_tree_or_the_new_one()
    {
        using var site = new TestSite();
        var (oldTree, newTree) = await BuiltOldWithNewPending(site);

        var random = new Random(20261125);
        var duration = await TimeOneBuild(site);
        var seen = new HashSet<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(20, (int)Math.Max(40, duration.TotalMilliseconds * 1.1)));
            var process = Start(site, "build");
            await Task.Delay(delay);
            process.Kill();
            await process.WaitForExitAsync();

            var tree = Hash(site.OutputDir);
            Assert.True(tree == oldTree || tree == newTree, $"after a kill at {delay.TotalMilliseconds:0} ms, output/ is neither the old nor the new build");
            seen.Add(tree == oldTree ? "old" : "new");
            if (tree == newTree)
            {
                // Back to the old tree for the next round, so both outcomes stay possible.
                WriteArticles(site, 800, "first");
                Assert.Equal(0, (await site.RunAsync("build")).ExitCode);
                WriteArticles(site, 800, "second");
            }
        }
        Assert.NotEmpty(seen);
    }

    [Fact]
    public async Task Ctrl_C_during_a_build_leaves_the_old_tree()
    {
        using var site = new TestSite();
        var (oldTree, newTree) = await BuiltOldWithNewPending(site);

        var process = Start(site, "build");
        await Task.Delay(150);
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        var tree = Hash(site.OutputDir);
        Assert.True(tree == oldTree || tree == newTree);
    }

    internal static string Hash(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return "(missing)";
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, bytes) in DirectoryTree.Read(folder))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(path + "\0"));
            sha.AppendData(SHA256.HashData(bytes));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Builds a first version of a large site into output/, then writes a second version of its
    /// articles; returns the hashes of the first build and of what a complete build of the second gives.</summary>
    private static async Task<(string Old, string New)> BuiltOldWithNewPending(TestSite site)
    {
        WriteArticles(site, 800, "first");
        Assert.Equal(0, (await site.RunAsync("build")).ExitCode);
        var oldTree = Hash(site.OutputDir);
        WriteArticles(site, 800, "second");
        return (oldTree, await ExpectedTree(site));
    }

    private static void WriteArticles(TestSite site, int count, string version)
    {
        var paragraph = string.Concat(Enumerable.Repeat("The quick brown fox jumps over the lazy dog near the river bank. ", 30));
        for (var i = 0; i < count; i++)
        {
            site.With($"content/article-{i:0000}.md", TestSite.Article($"{paragraph}[^a] {version}\n\n{paragraph}[^b]\n\n[^a]: Note a.\n\n[^b]: Note b.\n", title: $"Article {i} {version}"));
        }
    }

    /// <summary>The tree a complete build of the current content produces (built elsewhere: the output
    /// folder's name does not enter the output).</summary>
    private static async Task<string> ExpectedTree(TestSite site)
    {
        var run = await site.RunAsync("build", "--output", "expected-output");
        Assert.Equal(0, run.ExitCode);
        var hash = Hash(site.Path("expected-output"));
        Directory.Delete(site.Path("expected-output"), recursive: true);
        return hash;
    }

    private static async Task<TimeSpan> TimeOneBuild(TestSite site)
    {
        var clock = Stopwatch.StartNew();
        Assert.Equal(0, (await site.RunAsync("build", "--output", "timing-output")).ExitCode);
        Directory.Delete(site.Path("timing-output"), recursive: true);
        return clock.Elapsed;
    }

    private static Process Start(TestSite site, params string[] args)
    {
        var process = SiteProcess.Start(site.Root, args);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
