using System.Security.Cryptography;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>
/// output/ is always one whole build: never half-written, never stale, never lost (issue 5). The build is
/// held at each phase of publishing by the SITE_TEST_PAUSE seam (see <see cref="PausedBuild"/>) and killed
/// or interrupted exactly there, so every run checks every window, the swap's included (issue 11).
/// </summary>
[StartsFirst(2)]
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

    /// <summary>Phase; what output/ holds there and after a kill; what the staging folder holds there
    /// (the staged build, the old one swapped out, part of a build, or nothing); whether the old tree is
    /// set aside as "staging.old" (the two-rename swap used where renameat2 is not available).</summary>
    public static TheoryData<string, string, string, string> Phases => new()
    {
        { "writing", "old", "partial", "none" },
        { "staged", "old", "new", "none" },
        { "exchanged", "new", "old", "none" },
        { "moved-in", "new", "none", "old" },
        { "committed", "new", "none", "none" },
    };

    [Theory]
    [MemberData(nameof(Phases))]
    public async Task A_build_killed_at_each_phase_leaves_exactly_the_tree_of_that_phase_and_the_next_run_cleans_up(
        string phase, string output, string staging, string setAside)
    {
        using var site = new TestSite();
        var trees = await TwoVersions.BuildFirstAsync(site);

        using (var build = await PausedBuild.StartAsync(site.Root, phase))
        {
            var stagingPath = site.Path($".site-staging-output-{build.ProcessId}");
            AssertTree(trees[output], site.OutputDir, $"output/ at '{phase}'");
            if (staging == "partial")
            {
                Assert.True(Directory.Exists(stagingPath), $"no staging folder at '{phase}'");
            }
            else
            {
                AssertTree(staging == "none" ? null : trees[staging], stagingPath, $"the staging folder at '{phase}'");
            }
            AssertTree(setAside == "none" ? null : trees[setAside], stagingPath + ".old", $"the set-aside old tree at '{phase}'");

            await build.KillAsync();
        }
        AssertTree(trees[output], site.OutputDir, $"output/ after a kill at '{phase}'");

        var next = await site.RunAsync("build");
        Assert.True(next.ExitCode == 0, next.ToString());
        AssertTree(trees["new"], site.OutputDir, "output/ after the next build");
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".site-staging-*"));
    }

    [Fact]
    public async Task A_build_killed_between_the_two_renames_of_the_fallback_swap_is_undone_by_the_next_run()
    {
        using var site = new TestSite();
        var trees = await TwoVersions.BuildFirstAsync(site);

        using (var build = await PausedBuild.StartAsync(site.Root, "moved-aside"))
        {
            // The one window without output/: the old tree is set aside, the new one not yet in place.
            Assert.False(Directory.Exists(site.OutputDir));
            AssertTree(trees["new"], site.Path($".site-staging-output-{build.ProcessId}"), "the staging folder");
            AssertTree(trees["old"], site.Path($".site-staging-output-{build.ProcessId}.old"), "the set-aside old tree");
            await build.KillAsync();
        }

        // The next run puts the old tree back before anything else, so even a failed run leaves it.
        site.With("content/a.md", TestSite.Article("Broken.[^missing]\n"));
        var next = await site.RunAsync("build");
        Assert.True(next.ExitCode == 1, next.ToString());
        AssertTree(trees["old"], site.OutputDir, "output/ after the next, failed, build");
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".site-staging-*"));
    }

    [Fact]
    public async Task The_swap_moves_the_staged_files_into_place_rather_than_copying_them()
    {
        using var site = new TestSite();
        await TwoVersions.BuildFirstAsync(site);

        using var build = await PausedBuild.StartAsync(site.Root, "staged");
        var staged = Path.Combine(site.Path($".site-staging-output-{build.ProcessId}"), "a/index.html");
        var inode = await InodeAsync(staged);
        var run = await build.ResumeAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        // The very file written into staging, not a copy of it: only a rename can swap a whole tree at once.
        Assert.Equal(inode, await InodeAsync(Path.Combine(site.OutputDir, "a/index.html")));
    }

    /// <summary>Exit codes: 128 + the signal's number, as a shell reports a process the signal ended.</summary>
    public static TheoryData<string, string, int, string> Interruptions => new()
    {
        { "writing", "INT", 130, "Ctrl+C" },
        { "staged", "INT", 130, "Ctrl+C" },
        { "writing", "TERM", 143, "SIGTERM" },
        { "staged", "TERM", 143, "SIGTERM" },
    };

    [Theory]
    [MemberData(nameof(Interruptions))]
    public async Task Ctrl_C_or_SIGTERM_before_the_swap_stops_the_build_leaving_the_old_tree_and_no_staging_folder(
        string phase, string signal, int exitCode, string name)
    {
        using var site = new TestSite();
        var trees = await TwoVersions.BuildFirstAsync(site);
        using var build = await PausedBuild.StartAsync(site.Root, phase);

        var run = await build.SignalAsync(signal);

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Equal([$"site: build stopped by {name}; 'output' was left unchanged"], run.StderrLines);
        Assert.Empty(run.Stdout);
        AssertTree(trees["old"], site.OutputDir, $"output/ after {name} at '{phase}'");
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".site-staging-*"));
    }

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task A_signal_once_the_swap_has_begun_lets_the_build_finish(string signal)
    {
        using var site = new TestSite();
        var trees = await TwoVersions.BuildFirstAsync(site);
        using var build = await PausedBuild.StartAsync(site.Root, "exchanged");

        var run = await build.SignalAsync(signal);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertTree(trees["new"], site.OutputDir, $"output/ after SIG{signal} during the swap");
        Assert.Empty(Directory.EnumerateFileSystemEntries(site.Root, ".site-staging-*"));
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

    /// <summary>Asserts that <paramref name="folder"/> holds exactly <paramref name="expected"/>, bit for bit,
    /// or does not exist when it is null.</summary>
    private static void AssertTree(SortedDictionary<string, byte[]>? expected, string folder, string what)
    {
        if (expected is null)
        {
            Assert.False(Directory.Exists(folder), $"{what} should not exist");
            return;
        }
        Assert.True(Directory.Exists(folder), $"{what} is missing");
        if (DirectoryTree.Difference(expected, DirectoryTree.Read(folder)) is { } difference)
        {
            Assert.Fail($"{what} is not the expected build:\n{difference}");
        }
    }

    private static async Task<string> InodeAsync(string path) => (await SystemTool.RunAsync("stat", "-c", "%i", path)).Trim();

    /// <summary>
    /// Two versions of a small site that differ in every way a build can: a page edited, a page deleted, a
    /// page added, an asset changed. The first is built into output/; the second is what the content then
    /// holds, and its tree is built elsewhere (the output folder's name does not enter the output).
    /// </summary>
    private static class TwoVersions
    {
        public static async Task<Dictionary<string, SortedDictionary<string, byte[]>>> BuildFirstAsync(TestSite site)
        {
            site.With("content/a.md", TestSite.Article("First version of a.[^n]\n\n[^n]: A note.\n", title: "A"))
                .With("content/b.md", TestSite.Article("Deleted in the second version.\n", title: "B"))
                .With("content/c.md", TestSite.Article("Unchanged.\n", title: "C"))
                .With("templates/assets/site.css", "body { color: black; }\n");
            var first = await site.RunAsync("build");
            Assert.True(first.ExitCode == 0, first.ToString());
            var old = DirectoryTree.Read(site.OutputDir);

            site.With("content/a.md", TestSite.Article("Second version of a.[^n]\n\n[^n]: An edited note.\n", title: "A"))
                .Without("content/b.md")
                .With("content/d.md", TestSite.Article("Added in the second version.\n", title: "D"))
                .With("templates/assets/site.css", "body { color: navy; }\n");
            var second = await site.RunAsync("build", "--output", "expected-output");
            Assert.True(second.ExitCode == 0, second.ToString());
            var @new = DirectoryTree.Read(site.Path("expected-output"));
            Directory.Delete(site.Path("expected-output"), recursive: true);

            Assert.NotEqual(old.Keys, @new.Keys);
            return new() { ["old"] = old, ["new"] = @new };
        }
    }
}
