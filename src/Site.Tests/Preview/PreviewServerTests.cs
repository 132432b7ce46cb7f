using System.Net;
using System.Threading.Channels;
using Site.Generation;
using Site.Preview;

namespace Site.Tests.Preview;

/// <summary>The real preview server on a free port, checked with a real HTTP client (issue 4).</summary>
public sealed class PreviewServerTests
{
    private const string Canary = "CANARY-do-not-serve-7f3a";

    [Fact]
    public async Task Serves_the_built_site_with_content_types_and_nosniff()
    {
        await using var host = await PreviewHost.StartAsync();
        using var client = host.Client();

        var index = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("text/html; charset=utf-8", index.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", index.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("Article 1", await index.Content.ReadAsStringAsync());

        var article = await client.GetStringAsync("/article-2/");
        Assert.Contains("Text of article 2", article);
        Assert.Contains(PreviewSite.ReloadScript.Trim(), article);

        var css = await client.GetAsync("/assets/site.css");
        Assert.Equal("text/css; charset=utf-8", css.Content.Headers.ContentType?.ToString());

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/article-1/"));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html; charset=utf-8", head.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Folder_without_slash_redirects_and_missing_page_gets_the_sites_404_page()
    {
        await using var host = await PreviewHost.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Uri };

        var redirect = await client.GetAsync("/article-1");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/article-1/", redirect.Headers.Location?.OriginalString);

        var missing = await client.GetAsync("/no-such-page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/%2e%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/assets/..%2f..%2fsecret.txt")]
    [InlineData("/..%5csecret.txt")]
    [InlineData("/..\\secret.txt")]
    [InlineData("/assets/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("//secret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    [InlineData("/secret.txt%00.html")]
    [InlineData("/.site-build")]
    public async Task Never_serves_a_file_outside_the_site(string target)
    {
        await using var host = await PreviewHost.StartAsync(arrange: folder => folder.Write("secret.txt", Canary));
        var absolute = $"http://{host.Uri.Authority}{host.Folder.Combine("secret.txt")}";

        foreach (var request in new[] { target, host.Folder.Combine("secret.txt"), absolute })
        {
            var (status, response) = await RawHttp.GetAsync(host.Uri, request);
            Assert.True(status is 400 or 404, $"{request} answered {status}");
            Assert.DoesNotContain(Canary, response);
        }
    }

    [Fact]
    public async Task A_symlink_out_of_the_site_is_refused_by_the_build_and_never_served()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("symbolic links are created with Linux semantics here");
        }
        await using var host = await PreviewHost.StartAsync(arrange: folder =>
        {
            folder.Write("secret.txt", Canary);
            File.CreateSymbolicLink(folder.Combine("templates/assets/leak.txt"), folder.Combine("secret.txt"));
        });

        var (status, response) = await RawHttp.GetAsync(host.Uri, "/assets/leak.txt");
        Assert.Equal(404, status);
        Assert.DoesNotContain(Canary, response);
        Assert.Contains("SITE009", host.Terminal);
    }

    [Theory]
    [InlineData("evil.test")]
    [InlineData("attacker.example:80")]
    [InlineData("localhost.evil.test")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task Refuses_a_foreign_Host_header(string hostName)
    {
        await using var host = await PreviewHost.StartAsync();
        var port = host.Uri.Port;
        var (status, response) = await RawHttp.GetAsync(host.Uri, "/", hostName.Contains(':') ? hostName : $"{hostName}:{port}");
        Assert.Equal(403, status);
        Assert.DoesNotContain("Article 1", response);

        foreach (var allowed in new[] { $"localhost:{port}", $"127.0.0.1:{port}", $"[::1]:{port}" })
        {
            Assert.Equal(200, (await RawHttp.GetAsync(host.Uri, "/", allowed)).Status);
        }
        Assert.Equal(403, (await RawHttp.GetAsync(host.Uri, "/", $"localhost:{port + 1}")).Status);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task Answers_only_GET_and_HEAD(string method)
    {
        await using var host = await PreviewHost.StartAsync();
        using var client = host.Client();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, HEAD", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task Listens_on_IPv4_and_IPv6_loopback_only()
    {
        await using var host = await PreviewHost.StartAsync();
        Assert.All(host.Server.Urls, url => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(new Uri(url).Host.Trim('[', ']'))), url));
        Assert.Contains(host.Server.Urls, url => url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        if (host.Server.Urls.Count > 1)
        {
            using var client = new HttpClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(host.Server.Urls[1])).StatusCode);
        }
    }

    [Fact]
    public async Task A_save_rebuilds_and_tells_open_pages_to_reload()
    {
        await using var host = await PreviewHost.StartAsync();
        await using var events = await EventStream.OpenAsync(host);
        var first = await events.NextAsync();
        Assert.True(first.Ok);

        File.WriteAllText(host.Folder.Combine("content/article-1.md"), PreviewHost.Article("Article 1", "Edited text."));
        var next = await events.NextAsync();

        Assert.True(next.Ok);
        Assert.Equal(first.Version + 1, next.Version);
        using var client = host.Client();
        Assert.Contains("Edited text.", await client.GetStringAsync("/article-1/"));
    }

    [Fact]
    public async Task A_broken_save_shows_its_errors_keeps_the_last_good_page_and_the_fix_clears_them()
    {
        await using var host = await PreviewHost.StartAsync();
        await using var events = await EventStream.OpenAsync(host);
        var good = await events.NextAsync();
        var path = host.Folder.Combine("content/article-1.md");

        File.WriteAllText(path, "---\ntitle: <script>alert(1)</script>\ndate: yesterday\n---\nBroken[^missing].\n");
        var broken = await events.NextAsync();

        Assert.False(broken.Ok);
        Assert.Equal(good.Version, broken.Version);
        Assert.Contains(broken.Diagnostics, d => d.Contains("article-1.md(3,7): error SITE005", StringComparison.Ordinal));
        Assert.Contains(broken.Diagnostics, d => d.Contains("SITE012", StringComparison.Ordinal));
        Assert.Contains("error SITE005", host.Terminal);
        using var client = host.Client();
        Assert.Contains("Text of article 1", await client.GetStringAsync("/article-1/"));

        File.WriteAllText(path, PreviewHost.Article("Article 1", "Fixed."));
        var fixedState = await events.NextAsync();
        Assert.True(fixedState.Ok);
        Assert.Empty(fixedState.Diagnostics);
        Assert.Equal(good.Version + 1, fixedState.Version);
    }

    [Fact]
    public async Task Renames_deletes_and_new_articles_are_picked_up()
    {
        await using var host = await PreviewHost.StartAsync();
        await using var events = await EventStream.OpenAsync(host);
        await events.NextAsync();
        using var client = new HttpClient { BaseAddress = host.Uri };

        File.Move(host.Folder.Combine("content/article-1.md"), host.Folder.Combine("content/renamed.md"));
        await events.NextAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/article-1/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/renamed/")).StatusCode);

        File.Delete(host.Folder.Combine("content/article-2.md"));
        await events.NextAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/article-2/")).StatusCode);
        Assert.DoesNotContain("Article 2", await client.GetStringAsync("/"));

        File.WriteAllText(host.Folder.Combine("content/brand-new.md"), PreviewHost.Article("Brand new", "Hello."));
        await events.NextAsync();
        Assert.Contains("Brand new", await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("temp file then rename")]
    [InlineData("several writes in a burst")]
    [InlineData("delete then create")]
    public async Task An_editors_save_pattern_causes_one_rebuild(string pattern)
    {
        await using var host = await PreviewHost.StartAsync();
        await using var events = await EventStream.OpenAsync(host);
        var before = await events.NextAsync();
        var path = host.Folder.Combine("content/article-3.md");
        var text = PreviewHost.Article("Article 3", "Saved by an editor.");

        switch (pattern)
        {
            case "temp file then rename":
                File.WriteAllText(path + ".tmp~", text);
                File.Move(path + ".tmp~", path, overwrite: true);
                break;
            case "several writes in a burst":
                for (var i = 0; i < 5; i++)
                {
                    File.WriteAllText(path, text + new string('.', i));
                }
                break;
            default:
                File.Delete(path);
                File.WriteAllText(path, text);
                break;
        }

        // The first rebuild after the save sees all of it.
        var saved = await events.NextAsync();
        Assert.True(saved.Ok, string.Join("\n", saved.Diagnostics));
        Assert.Equal(before.Version + 1, saved.Version);
        using var client = host.Client();
        var last = pattern == "several writes in a burst" ? "<p>Saved by an editor.\n....</p>" : "<p>Saved by an editor.</p>";
        Assert.Contains(last, await client.GetStringAsync("/article-3/"));

        // And it was the only one: the next state the stream reports is that of a later save, which breaks
        // another article (a failed build keeps the version and lists the error, so it cannot be mistaken).
        File.WriteAllText(host.Folder.Combine("content/article-1.md"), PreviewHost.Article("Article 1", "A later save.[^missing]"));
        var later = await events.NextAsync();
        Assert.False(later.Ok, $"a second rebuild for the same save: version {later.Version}");
        Assert.Equal(saved.Version, later.Version);
        Assert.Equal(["content/article-1.md(5,14): error SITE012: annotation [^missing] has no definition"], later.Diagnostics.Select(d => d.Replace(host.Folder.Path + "/", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_incremental_rebuild_renders_only_the_edited_article_and_equals_a_full_build()
    {
        await using var host = await PreviewHost.StartAsync(articles: 5);
        var site = host.Server.Site;
        // What each rebuild rendered, recorded as it ends (under the build lock): the watcher's rebuild is
        // the only one, so nothing else can change the count before it is read.
        var builds = Channel.CreateUnbounded<(int Version, bool Ok, int Rendered)>();
        site.Changed += state => builds.Writer.TryWrite((state.Version, state.Ok, site.RenderedLastBuild));
        var version = site.State.Version;

        File.WriteAllText(host.Folder.Combine("content/article-4.md"), PreviewHost.Article("Article four, edited", "New body[^n].\n\n[^n]: New note."));
        var build = await builds.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal((version + 1, true, 1), build);
        AssertEqualsFullBuild(host);
    }

    [Fact]
    public async Task A_translation_given_another_address_renders_the_article_linking_to_it_again_and_equals_a_full_build()
    {
        await using var host = await PreviewHost.StartAsync(articles: 3, folder =>
        {
            folder.Write("content/article-1.md", "---\ntitle: Article 1\ndate: 2024-01-02\ntranslation_key: story\n---\nText.\n");
            folder.Write("content/statya.md", "---\ntitle: Статья\ndate: 2024-01-02\ntranslation_key: story\nlanguage: ru\n---\nТекст.\n");
        });
        var site = host.Server.Site;
        var builds = Channel.CreateUnbounded<(int Version, bool Ok, int Rendered)>();
        site.Changed += state => builds.Writer.TryWrite((state.Version, state.Ok, site.RenderedLastBuild));
        var version = site.State.Version;

        File.WriteAllText(host.Folder.Combine("content/statya.md"), "---\ntitle: Статья\ndate: 2024-01-02\ntranslation_key: story\nlanguage: ru\nslug: novaya\n---\nТекст.\n");
        var build = await builds.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(60));

        // The translation, and the English article whose switcher links to its new address; not the others.
        Assert.Equal((version + 1, true, 2), build);
        Assert.Contains("<a href=\"../novaya/\" hreflang=\"ru\" lang=\"ru\">Русский</a>", System.Text.Encoding.UTF8.GetString(site.State.Files["article-1/index.html"]), StringComparison.Ordinal);
        AssertEqualsFullBuild(host);
    }

    [Fact]
    public async Task An_edited_title_and_tag_show_on_the_index_and_the_tag_pages_at_once_and_equal_a_full_build()
    {
        await using var host = await PreviewHost.StartAsync(articles: 3, folder =>
            folder.Write("content/article-2.md", "---\ntitle: Article 2\ndate: 2024-01-03\ntags: [economy]\n---\nText.\n"));
        var site = host.Server.Site;
        var version = site.State.Version;
        Assert.Contains(">Article 2<", Text(site, "tags/economy/index.html"), StringComparison.Ordinal);

        File.WriteAllText(host.Folder.Combine("content/article-2.md"), "---\ntitle: Article two, renamed\ndate: 2024-01-03\ntags: [health]\n---\nText.\n");
        await NextGoodBuild(site, version);

        Assert.Contains(">Article two, renamed<", Text(site, "index.html"), StringComparison.Ordinal);
        Assert.DoesNotContain(">Article 2<", Text(site, "index.html"), StringComparison.Ordinal);
        Assert.Contains(">Article two, renamed<", Text(site, "tags/health/index.html"), StringComparison.Ordinal);
        Assert.False(site.State.Files.ContainsKey("tags/economy/index.html"), "the tag no article has any more is still served");
        AssertEqualsFullBuild(host);
    }

    [Fact]
    public async Task An_edit_no_listing_shows_leaves_the_listing_pages_as_they_were_and_equals_a_full_build()
    {
        await using var host = await PreviewHost.StartAsync(articles: 3, folder =>
            folder.Write("content/article-2.md", "---\ntitle: Article 2\ndate: 2024-01-03\ntags: [economy]\n---\nText.\n"));
        var site = host.Server.Site;
        var before = site.State;
        string[] listings = ["index.html", "tags/index.html", "tags/economy/index.html", "archive/index.html", "archive/2024/01/index.html", "fact-checks/index.html", "404.html"];
        Assert.All(listings, path => Assert.True(before.Files.ContainsKey(path), $"{path} is not built"));

        File.WriteAllText(host.Folder.Combine("content/article-2.md"), "---\ntitle: Article 2\ndate: 2024-01-03\ntags: [economy]\n---\nText, and one more sentence.\n");
        await NextGoodBuild(site, before.Version);

        Assert.Contains("one more sentence", Text(site, "article-2/index.html"), StringComparison.Ordinal);
        // The very bytes of the last build: kept by the preview, not rendered again.
        Assert.All(listings, path => Assert.Same(before.Files[path], site.State.Files[path]));
        AssertEqualsFullBuild(host);
    }

    [Fact]
    public async Task A_changed_verdict_moves_its_claim_on_the_fact_check_page_and_in_claims_json_and_equals_a_full_build()
    {
        // The preview keeps the last build's fact-check index while the claims are the same: a verdict changed
        // in one article must still make a new one.
        await using var host = await PreviewHost.StartAsync(articles: 2, folder =>
        {
            folder.Write("content/site.yml", "title: Preview test\nverdicts:\n  - {name: Accurate, meaning: Matches the record., rating: 2}\n  - {name: Unsupported, meaning: No evidence., rating: 1}\n");
            folder.Write("content/first.md", FactChecked("First", "2024-01-04", "Unsupported"));
            folder.Write("content/second.md", FactChecked("Second", "2024-02-10", "Unsupported"));
        });
        var site = host.Server.Site;
        var version = site.State.Version;
        using var client = host.Client();
        var before = await client.GetStringAsync("/fact-checks/");
        Assert.Contains("<span class=\"verdict\">Unsupported</span> (2 claims)", before, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"verdict\">Accurate</span>", before, StringComparison.Ordinal);

        File.WriteAllText(host.Folder.Combine("content/first.md"), FactChecked("First", "2024-01-04", "Accurate"));
        await NextGoodBuild(site, version);

        var page = await client.GetStringAsync("/fact-checks/");
        Assert.Contains("<span class=\"verdict\">Accurate</span> (1 claim)", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"verdict\">Unsupported</span> (1 claim)", page, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Claim of First</td><td>Accurate</td>", page, StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"Accurate\"", await client.GetStringAsync("/claims.json"), StringComparison.Ordinal);
        AssertEqualsFullBuild(host);
    }

    private static string FactChecked(string title, string date, string verdict) =>
        $"---\ntitle: {title}\ndate: {date}\nsources:\n  src: {{title: Report, publisher: Agency, url: \"https://example.com/r\", date: 2022-01-26}}\n---\n"
        + $"Sentence.[^c]\n\n[^c]: {{fact-check verdict=\"{verdict}\" claim=\"Claim of {title}\" claimant=\"An official\"}} Checked ([@src]).\n";

    private static string Text(PreviewSite site, string path) => System.Text.Encoding.UTF8.GetString(site.State.Files[path]);

    private static async Task NextGoodBuild(PreviewSite site, int version)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (site.State is not { Ok: true } state || state.Version == version)
        {
            await Task.Delay(20, wait.Token);
        }
    }

    /// <summary>The preview's files are those a full build of the same content writes, byte for byte.</summary>
    private static void AssertEqualsFullBuild(PreviewHost host)
    {
        var full = new MemoryOutput();
        var options = new BuildOptions(host.Folder.Combine("content"), host.Folder.Combine("templates"), "", PageInjection: PreviewSite.ReloadScript);
        Assert.True(SiteBuilder.Build(options, full).Published);
        var files = host.Server.Site.State.Files;
        Assert.Equal(full.Files.Keys.Order(), files.Keys.Order());
        Assert.All(full.Files, file => Assert.True(file.Value.AsSpan().SequenceEqual(files[file.Key]), $"{file.Key} differs from a full build"));
    }
}
