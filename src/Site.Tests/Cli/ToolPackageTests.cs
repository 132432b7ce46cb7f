using Site.Tests.Robustness;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>
/// The README's first section, done as a newcomer would on real folders: pack the tool, install it into a
/// temporary tool path from the local folder, then init, new and build with the installed 'site'. The
/// framework-dependent 'any' package stands in for the NativeAOT ones, whose compile takes minutes.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class ToolPackageTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task The_packed_tool_installs_and_takes_a_newcomer_from_nothing_to_a_built_site()
    {
        using var folder = new TempDirectory();
        var project = Path.Combine(RepoRoot.Find(), "src", "Site");
        var packages = folder.Combine("packages");
        // Own artifacts folder: the repository's bin/ and obj/ stay as the test run's build left them.
        var artifacts = folder.Combine("artifacts");
        await Run(folder.Path, "dotnet", "pack", project, "-c", "Release", "-o", packages, "--artifacts-path", artifacts,
            "-r", "any", "-p:PublishAot=false", "-p:ToolPackageRuntimeIdentifiers=any");
        await Run(folder.Path, "dotnet", "pack", project, "-c", "Release", "-o", packages, "--artifacts-path", artifacts,
            "-p:ToolPackageRuntimeIdentifiers=any");
        var tools = folder.Combine("tools");
        await Run(folder.Path, "dotnet", "tool", "install", "Site.Tool", "--tool-path", tools, "--add-source", packages);
        var site = Path.Combine(tools, "site");

        Assert.Equal("site 0.1.0", (await Run(folder.Path, site, "--version")).Trim());
        await Run(folder.Path, site, "init", "news");
        var work = folder.Combine("news");
        await Run(work, site, "new", "Council approves the budget");
        // Articles with bundled images go here, before the build.
        var build = await Run(work, site, "build");

        // init's article and new's, the index and the 404 page, and the default theme's tags, a tag, archive, a month and fact-checks.
        Assert.Contains("Build wrote 10 pages and ", build, StringComparison.Ordinal);
        Assert.Contains(" 0 warnings, 0 errors", build, StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(work, "output/index.html"));
        Assert.Contains("council-approves-the-budget/", index, StringComparison.Ordinal);
        Assert.Contains("welcome/", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "output/council-approves-the-budget/index.html")));
        Assert.True(File.Exists(Path.Combine(work, "output/assets/site.css")));
    }

    /// <summary>Runs a process to its end; fails the test with its output unless it exits 0.</summary>
    private static async Task<string> Run(string workingDirectory, string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = System.Diagnostics.Process.Start(start)!;
        process.StandardInput.Close();
        var cancellation = TestContext.Current.CancellationToken;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        try
        {
            await process.WaitForExitAsync(cancellation).WaitAsync(HangGuard, cancellation);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}\n{await stdout}\n{await stderr}");
        return await stdout;
    }
}
