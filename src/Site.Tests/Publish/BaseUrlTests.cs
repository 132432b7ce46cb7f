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

    /// <summary>A desk publishing under a path in its own script, or one written percent-encoded or with a
    /// space (issue 13, item 10): links inside the site, relative or absolute, resolve; the sitemap is encoded.</summary>
    [Theory]
    [InlineData("https://example.org/новости/", "https://example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/")]
    [InlineData("https://example.org/caf%C3%A9/", "https://example.org/caf%C3%A9/")]
    [InlineData("https://example.org/a b/", "https://example.org/a%20b/")]
    public async Task A_base_url_in_any_script_or_percent_encoded_builds_without_bogus_link_errors(string baseUrl, string encoded)
    {
        using var site = new TestSite().WithDefaultTheme()
            .With("content/first.md", TestSite.Article("See [the second](https://example.org/новости/second/) and [home](../).\n", title: "First"))
            .With("content/second.md", TestSite.Article(title: "Second"));
        site.With("content/first.md", File.ReadAllText(site.Path("content/first.md")).Replace("https://example.org/новости/", baseUrl, StringComparison.Ordinal));

        var run = await site.RunAsync("build", "--base-url", baseUrl);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Stderr);
        Assert.Contains($"<loc>{encoded}second/</loc>", File.ReadAllText(site.Path("output/sitemap.xml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://editor:secret@example.org/", "must not hold a user name or password")]
    [InlineData("https://example.org/news/?utm=x", "must not have a query (?…)")]
    [InlineData("https://example.org/news/#top", "must not have a fragment (#…)")]
    public async Task A_base_url_with_a_password_a_query_or_a_fragment_is_refused_saying_which(string baseUrl, string says)
    {
        using var site = new TestSite().With("content/a.md", TestSite.Article());

        var run = await site.RunAsync("build", "--base-url", baseUrl);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith($"site: error: --base-url '{baseUrl}' {says}", run.StderrLines[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.OutputDir));
    }

    /// <summary>Permalink takes a plain path without resolving it: the result must be what resolving it gives,
    /// under a base URL with and without a sub-path, given with and without its trailing slash, and for paths
    /// that do need resolving or escaping.</summary>
    [Theory]
    [InlineData("https://example.org", "my-article/", "https://example.org/my-article/")]
    [InlineData("https://example.org/", "tags/city-hall/feed.xml", "https://example.org/tags/city-hall/feed.xml")]
    [InlineData("https://example.org/news", "my-article/", "https://example.org/news/my-article/")]
    [InlineData("https://example.org/news/", "2024/01/my-article/", "https://example.org/news/2024/01/my-article/")]
    [InlineData("https://example.org/news/", "", "https://example.org/news/")]
    [InlineData("https://example.org/новости/", "a_b.c~d/", "https://example.org/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/a_b.c~d/")]
    [InlineData("https://example.org/news/", "../up/", "https://example.org/up/")]
    [InlineData("https://example.org/news/", "./here/", "https://example.org/news/here/")]
    [InlineData("https://example.org/news/", "/root/", "https://example.org/root/")]
    [InlineData("https://example.org/news/", "café/", "https://example.org/news/caf%C3%A9/")]
    [InlineData("https://example.org/news/", "a b/", "https://example.org/news/a%20b/")]
    public void A_permalink_is_the_path_resolved_against_the_base_url(string baseUrl, string path, string expected)
    {
        var config = Site.Content.SiteConfig.Default with { BaseUrl = Site.Content.SiteConfig.ParseBaseUrl(baseUrl, out _) };

        Assert.Equal(expected, config.Permalink(path));
        Assert.Equal(new Uri(config.BaseUrl!, path).AbsoluteUri, config.Permalink(path));
    }
}
