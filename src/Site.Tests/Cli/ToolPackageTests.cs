using Microsoft.Playwright;
using Site.Tests.Browser;
using Site.Tests.Images;
using Site.Tests.Support;

namespace Site.Tests.Cli;

/// <summary>
/// The README's first section, done as a newcomer would on real folders: pack the tool, install it into a
/// temporary tool path from the local folder, then init, new, a bundle with a real JPEG and PNG, and build
/// with the installed 'site', and read the photo page in the browser. The framework-dependent 'any' package
/// stands in for the NativeAOT ones, whose compile takes minutes. It runs among the parallel tests rather
/// than with the heavy ones after them: nothing in it is timed or measured, so sharing the cores only
/// slows it, and its minutes of packing overlap the other tests (as NativeAotTests' publish does) instead
/// of adding to the run.
/// </summary>
[StartsFirst(4)]
public sealed class ToolPackageTests(BrowserFixture browser)
{
    /// <summary>A hang guard, not a speed requirement: it starts beside the NativeAOT publish (both longest
    /// first), and a pack timed out at 10 minutes on a loaded machine.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(20);

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
        Directory.CreateDirectory(Path.Combine(work, "content/harbour"));
        File.WriteAllText(Path.Combine(work, "content/harbour/index.md"), """
            ---
            title: Ships wait outside the harbour
            date: 2024-03-01
            ---

            ![Ships at anchor off the harbour](ships.jpg "Ships at anchor at dawn — Credit: Jane Doe")

            The port reopened on Friday.

            ![A chart of ships waiting per day](chart.png "Ships waiting, by day")
            """);
        File.WriteAllBytes(Path.Combine(work, "content/harbour/ships.jpg"), TestImages.Jpeg(2400, 1600));
        File.WriteAllBytes(Path.Combine(work, "content/harbour/chart.png"), TestImages.Png(1200, 800));
        var build = await Run(work, site, "build");

        Assert.Contains(" 0 warnings, 0 errors", build, StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(work, "output/index.html"));
        Assert.Contains("council-approves-the-budget/", index, StringComparison.Ordinal);
        Assert.Contains("welcome/", index, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(work, "output/council-approves-the-budget/index.html")));
        Assert.True(File.Exists(Path.Combine(work, "output/assets/site.css")));
        await ThePhotoPageShowsItsFiguresSized(Path.Combine(work, "output"));
    }

    /// <summary>What a reader sees of the bundle: figures with caption and credit, every image loaded from
    /// the sizes made for it, each with its width and height so nothing moves as they arrive.</summary>
    private async Task ThePhotoPageShowsItsFiguresSized(string output)
    {
        await using var server = await StaticSiteServer.StartAsync(output);
        var page = await browser.NewPageAsync(1280);
        await page.GotoAsync(server.Url + "harbour/", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        await page.Locator("img").Last.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)", null, new() { Timeout = 30000 });

        Assert.Equal(2, await page.Locator("figure img[srcset][width][height]").CountAsync());
        Assert.Equal(["Ships at anchor at dawn Credit: Jane Doe", "Ships waiting, by day"], await page.Locator("figure figcaption").AllInnerTextsAsync());
        Assert.Equal("Credit: Jane Doe", await page.Locator("figure figcaption .credit").InnerTextAsync());
        Assert.Equal("Ships at anchor off the harbour", await page.Locator("figure img").First.GetAttributeAsync("alt"));
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
