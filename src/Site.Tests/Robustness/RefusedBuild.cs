using Site.Tests.Support;

namespace Site.Tests.Robustness;

/// <summary>
/// The shape of every "bad input" test: a site that builds, a bad file added, and a second run of the
/// real program that must exit 1 with the expected diagnostic, leaving the first
/// build's output byte for byte.
/// </summary>
internal sealed class RefusedBuild : IDisposable
{
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

    /// <summary>Runs the build again (through <paramref name="runAs"/>, if given); it must fail with exit code 1
    /// and leave output/ as it was. A hang is caught by <see cref="SiteProcess"/>'s guard.</summary>
    public async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? runAs = null)
    {
        var run = await SiteProcess.RunAsync(Site.Root, ["build"], environment, runAs);
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
