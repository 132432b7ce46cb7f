using Site.Tests.Support;

namespace Site.Tests.Browser;

/// <summary>
/// The sample site, the layout stress fixture and the right-to-left (Hebrew) fixture, built once with the real templates into a temp folder
/// and served over loopback HTTP (never file://) for every browser test that reads them (a fixture of
/// <see cref="BrowserCollection"/>).
/// </summary>
public sealed class BuiltSite : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private StaticSiteServer? _server;

    public const string SampleSlug = "tokayev-january-events";
    public const string StressSlug = "stress";
    public const string RtlSlug = "rtl";

    public string Url => _server!.Url;

    public string Output => _folder.Path;

    public string PageUrl(string slug) => $"{Url}{slug}/";

    public async ValueTask InitializeAsync()
    {
        var repo = RepoRoot.Find();
        var templates = Path.Combine(repo, "templates");
        // Three separate programs: run side by side, they keep both cores busy while the browser tests wait.
        await Task.WhenAll(
            Build(Path.Combine(repo, "content"), templates, _folder.Combine("sample")),
            Build(Path.Combine(repo, "src/Site.Tests/Sites/layout-stress/content"), templates, _folder.Combine("stress")),
            Build(Path.Combine(repo, "src/Site.Tests/Sites/rtl/content"), templates, _folder.Combine("rtl")));
        // One tree: the sample's pages and the fixtures' pages side by side.
        Directory.Move(_folder.Combine($"stress/{StressSlug}"), _folder.Combine($"sample/{StressSlug}"));
        Directory.Move(_folder.Combine($"rtl/{RtlSlug}"), _folder.Combine($"sample/{RtlSlug}"));
        _server = await StaticSiteServer.StartAsync(_folder.Combine("sample"));
    }

    private static async Task Build(string content, string templates, string output)
    {
        var run = await SiteProcess.RunAsync(RepoRoot.Find(), ["build", "--content", content, "--templates", templates, "--output", output]);
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _folder.Dispose();
    }
}
