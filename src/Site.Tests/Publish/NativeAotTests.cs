using System.Diagnostics;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>The release binary is a NativeAOT executable that builds the sample exactly as `dotnet run` does
/// (issue 5). Publishing takes a while, so this is one test; it always runs.</summary>
[StartsFirst(8)]
public sealed class NativeAotTests
{
    [Fact]
    public async Task The_native_binary_builds_the_sample_site_byte_for_byte_like_the_managed_one()
    {
        using var publish = new TempDirectory();
        var repo = RepoRoot.Find();
        var start = new ProcessStartInfo("dotnet", ["publish", Path.Combine(repo, "src/Site"), "-c", "Release", "-o", publish.Path, "-p:TreatWarningsAsErrors=true"])
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using (var process = Process.Start(start)!)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            // A hang guard, not a speed requirement: the publish takes minutes on CI's two cores, which it shares
            // with up to two other collections, the browser tests among them.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(20));
            Assert.True(process.ExitCode == 0, await output + await errors);
            // Trimming and AOT analysis warnings would be errors here; none may appear.
            Assert.DoesNotContain("warning IL", await output, StringComparison.Ordinal);
        }
        var native = publish.Combine("site");
        Assert.True(File.Exists(native));
        Assert.False(File.Exists(publish.Combine("site.dll")), "the release build must be native, not IL");

        using var outputs = new TempDirectory();
        var run = Process.Start(new ProcessStartInfo(native, ["build", "--output", outputs.Combine("native"), "--base-url", "https://example.org/"]) { WorkingDirectory = repo })!;
        await run.WaitForExitAsync();
        Assert.Equal(0, run.ExitCode);
        var managed = await SiteProcess.RunAsync(repo, ["build", "--output", outputs.Combine("managed"), "--base-url", "https://example.org/"]);
        Assert.Equal(0, managed.ExitCode);

        Assert.Null(DirectoryTree.Difference(outputs.Combine("managed"), outputs.Combine("native")));
    }
}
