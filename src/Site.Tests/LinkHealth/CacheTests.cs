using System.Text.Json;
using Site.LinkHealth;
using Site.Tests.Support;
using static Site.Tests.LinkHealth.LinkCheck;
using static Site.Tests.LinkHealth.LinkServer;

namespace Site.Tests.LinkHealth;

/// <summary>A daily check does not hammer publishers: results are reused until they are older than the age
/// limit, and a cache file that is not the tool's own is never trusted (issue 17).</summary>
public sealed class CacheTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(20);

    [Fact]
    public async Task A_second_run_within_the_age_limit_makes_no_requests()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine(".site-cache/links.json");
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/ok"] = Status(200), ["/gone"] = Status(410) });
        ExternalLink[] links = [new(server.Url("/ok"), [Origin]), new(server.Url("/gone"), [Origin])];

        var first = await RunAsync(links, path, clock);
        var requests = server.Requests.Count;
        clock.Now += MaxAge - TimeSpan.FromMinutes(1);
        var second = await RunAsync(links, path, clock);

        Assert.Equal(3, requests);
        Assert.Equal(requests, server.Requests.Count);
        Assert.All(first, r => Assert.False(r.FromCache));
        Assert.All(second, r => Assert.True(r.FromCache));
        Assert.Equal(LinkFindings.From(first), LinkFindings.From(second));
    }

    [Fact]
    public async Task After_the_age_limit_the_link_is_fetched_again()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("links.json");
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/ok"] = Status(200) });
        ExternalLink[] links = [new(server.Url("/ok"), [Origin])];

        await RunAsync(links, path, clock);
        clock.Now += MaxAge;
        var again = await RunAsync(links, path, clock);

        Assert.Equal(2, server.Requests.Count);
        Assert.False(Assert.Single(again).FromCache);
    }

    [Fact]
    public async Task An_entry_dated_in_the_future_is_not_trusted()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("links.json");
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/ok"] = Status(200) });
        ExternalLink[] links = [new(server.Url("/ok"), [Origin])];

        await RunAsync(links, path, clock);
        clock.Now -= TimeSpan.FromDays(3);
        await RunAsync(links, path, clock);

        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("""{"format":"something-else","version":1,"links":[{"url":"URL","checked":"2026-03-01T05:00:00+00:00","status":"Ok","message":"answers 200 OK","statusCode":200,"finalUrl":null,"elapsedMs":1}]}""")]
    [InlineData("""{"format":"site-link-health","version":99,"links":[{"url":"URL","checked":"2026-03-01T05:00:00+00:00","status":"Ok","message":"answers 200 OK","statusCode":200,"finalUrl":null,"elapsedMs":1}]}""")]
    [InlineData("""{"format":"site-link-health","version":1,"links":[{"url":"URL","checked":"2026-03-01T05:00:00+00:00","status":"Ok","statusCode":200,"finalUrl":null,"elapsedMs":1}]}""")]
    [InlineData("""{"format":"site-link-health","version":1,"links":[{"url":"URL","checked":"2026-03-01T05:00:00+00:00","status":"fine","message":"answers 200 OK","statusCode":200,"finalUrl":null,"elapsedMs":1}]}""")]
    [InlineData("""{"format":"site-link-health","version":1,"links":[{"url":"URL","checked":"2026-03-01T05:00:00+00:00","status":42,"message":"answers 200 OK","statusCode":200,"finalUrl":null,"elapsedMs":1}]}""")]
    [InlineData("""{"format":"site-link-health","version":1,"links":[null]}""")]
    public async Task A_corrupt_or_foreign_cache_file_is_ignored_and_replaced(string contents)
    {
        using var folder = new TempDirectory();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        // The page is gone, while each file claims it answered an hour ago: only a fresh request tells the truth.
        await using var server = await StartAsync(new Dictionary<string, Route>());
        var url = server.Url("/page");
        var path = folder.Write("links.json", contents.Replace("URL", url, StringComparison.Ordinal));

        var report = Assert.Single(await RunAsync([new ExternalLink(url, [Origin])], path, clock));

        Assert.Equal(LinkStatus.Dead, report.Result.Status);
        Assert.NotEmpty(server.Requests);
        using var saved = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal("site-link-health", saved.RootElement.GetProperty("format").GetString());
        Assert.Equal(url, saved.RootElement.GetProperty("links")[0].GetProperty("url").GetString());
        Assert.Equal("Dead", saved.RootElement.GetProperty("links")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_well_formed_file_of_the_tools_own_is_used()
    {
        // The control for the test above: the same shape, valid, is trusted and saves the request.
        using var folder = new TempDirectory();
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(new Dictionary<string, Route>());
        var url = server.Url("/page");
        var path = folder.Write("links.json", $$"""{"format":"site-link-health","version":1,"links":[{"url":"{{url}}","checked":"2026-03-01T05:00:00+00:00","status":"Ok","message":"answers 200 OK","statusCode":200,"finalUrl":null,"elapsedMs":1}]}""");

        var report = Assert.Single(await RunAsync([new ExternalLink(url, [Origin])], path, clock));

        Assert.Equal(LinkStatus.Ok, report.Result.Status);
        Assert.True(report.FromCache);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Results_that_must_be_asked_again_are_not_cached()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("links.json");
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/busy"] = (context, _) =>
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "86400";
                return Task.CompletedTask;
            },
        });
        ExternalLink[] links = [new(server.Url("/busy"), [Origin])];

        await RunAsync(links, path, clock);
        await RunAsync(links, path, clock);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task The_saved_file_is_sorted_and_holds_only_fresh_entries()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("links.json");
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/a"] = Status(200), ["/b"] = Status(200), ["/old"] = Status(200) });

        await RunAsync([new ExternalLink(server.Url("/old"), [Origin])], path, clock);
        clock.Now += MaxAge;
        await RunAsync([new ExternalLink(server.Url("/b"), [Origin]), new ExternalLink(server.Url("/a"), [Origin])], path, clock);

        using var saved = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.Equal([server.Url("/a"), server.Url("/b")],
            saved.RootElement.GetProperty("links").EnumerateArray().Select(e => e.GetProperty("url").GetString()));
        Assert.Equal(["links.json"], Directory.EnumerateFiles(folder.Path).Select(Path.GetFileName));
    }

    private static async Task<IReadOnlyList<LinkReport>> RunAsync(IReadOnlyList<ExternalLink> links, string path, TestClock clock)
    {
        var cache = LinkCache.Load(path, MaxAge, clock);
        var reports = await AllAsync(links, cache: cache, time: clock);
        cache.Save();
        return reports;
    }
}
