using System.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Robustness;

/// <summary>
/// The shape of every "bad input" test: a site that builds, a bad file added, and a second run of the
/// real program that must exit 1 with the expected diagnostic, within a hang guard, leaving the first
/// build's output byte for byte.
/// </summary>
internal sealed class RefusedBuild : IDisposable
{
    /// <summary>A guard against a hang, not a speed requirement.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(45);

    private SortedDictionary<string, byte[]> _before = [];

    private RefusedBuild(TestSite site) => Site = site;

    public TestSite Site { get; }

    /// <summary>A site with one good article, built once so that there is output to protect.</summary>
    public static async Task<RefusedBuild> StartAsync(TestSite? site = null)
    {
        site ??= new TestSite();
        var refused = new RefusedBuild(site.With("content/good.md", TestSite.Article("A good article.[^n]\n\n[^n]: Its note.\n")));
        var first = await site.RunAsync("build");
        Assert.True(first.ExitCode == 0, $"the good site should build:\n{first}");
        refused._before = DirectoryTree.Read(site.OutputDir);
        return refused;
    }

    /// <summary>Runs the build again; it must fail with exit code 1, in time, and leave output/ as it was.</summary>
    public async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var clock = Stopwatch.StartNew();
        var run = await SiteProcess.RunAsync(Site.Root, ["build"], environment);
        Assert.True(clock.Elapsed < HangGuard, $"the build took {clock.Elapsed}");
        Assert.True(run.ExitCode == 1, $"a bad input must fail the build with exit code 1:\n{Shorten(run.ToString())}");
        var after = DirectoryTree.Read(Site.OutputDir);
        Assert.Equal(_before.Keys, after.Keys);
        Assert.All(_before, file => Assert.True(file.Value.AsSpan().SequenceEqual(after[file.Key]), $"{file.Key} changed"));
        Assert.Empty(Directory.EnumerateDirectories(Site.Root, ".site-staging-*"));
        return run;
    }

    public static string Shorten(string text) => text.Length > 4000 ? text[..4000] + "…" : text;

    public void Dispose() => Site.Dispose();
}
