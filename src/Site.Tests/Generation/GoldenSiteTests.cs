using Site.Tests.Support;

namespace Site.Tests.Generation;

/// <summary>
/// Builds Sites/golden (content/ and templates/) with the real program, run in that folder as a user
/// would, and compares the whole output tree with Sites/golden/expected: the same file list, the same
/// bytes. After an intended change to the output, run with UPDATE_GOLDEN=1 to rewrite expected/, then
/// review its diff. The site is read from the source tree, not from a copy in bin/, where files deleted
/// from the fixture would linger.
/// </summary>
public sealed class GoldenSiteTests
{
    [Fact]
    public async Task Golden_site_builds_to_its_expected_tree()
    {
        var site = Path.Combine(RepoRoot.Find(), "src", "Site.Tests", "Sites", "golden");
        var expected = Path.Combine(site, "expected");
        using var temp = new TempDirectory();
        var output = temp.Combine("output");

        var run = await SiteProcess.RunAsync(site, ["build", "--output", output]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            DirectoryTree.Replace(output, expected);
            TestContext.Current.SendDiagnosticMessage($"UPDATE_GOLDEN=1: rewrote {expected}; review it before committing");
            return;
        }
        if (DirectoryTree.Difference(expected, output) is { } difference)
        {
            Assert.Fail($"The output differs from Sites/golden/expected (run with UPDATE_GOLDEN=1 to accept it):\n{difference}");
        }
    }
}
