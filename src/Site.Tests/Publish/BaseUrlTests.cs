using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Site.Tests.Support;

namespace Site.Tests.Publish;

/// <summary>Built with --base-url https://…/news/, the site works when served under /news/: every internal
/// link and asset of every page resolves there (issue 5).</summary>
public sealed class BaseUrlTests
{
    [Fact]
    public async Task Every_internal_link_resolves_when_served_under_the_base_path()
    {
        using var output = new TempDirectory();
        var run = await SiteProcess.RunAsync(RepoRoot.Find(), ["build", "--output", output.Path, "--base-url", "https://example.org/news/"]);
        Assert.True(run.ExitCode == 0, run.ToString());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.UsePathBase("/news");
        var files = new PhysicalFileProvider(output.Path);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files, ServeUnknownFileTypes = true });
        await app.StartAsync();
        var root = new Uri(app.Urls.First() + "/news/");
        using var client = new HttpClient();

        var pages = new Queue<Uri>([root]);
        var seen = new HashSet<string>([root.AbsolutePath]);
        var checkedLinks = 0;
        while (pages.TryDequeue(out var page))
        {
            var response = await client.GetAsync(page);
            Assert.True(response.IsSuccessStatusCode, $"{page} answered {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var element in document.QuerySelectorAll("[href], [src]"))
            {
                var value = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                var target = new Uri(page, value);
                if (target.Host != root.Host || target.Port != root.Port)
                {
                    continue;
                }
                checkedLinks++;
                Assert.StartsWith("/news/", target.AbsolutePath, StringComparison.Ordinal);
                if (seen.Add(target.AbsolutePath))
                {
                    pages.Enqueue(new Uri(target.GetLeftPart(UriPartial.Path)));
                }
            }
        }
        Assert.True(checkedLinks > 10, $"only {checkedLinks} internal links found");
        await app.StopAsync();
    }
}
