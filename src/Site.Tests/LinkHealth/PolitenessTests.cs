using Site.LinkHealth;
using static Site.Tests.LinkHealth.LinkCheck;
using static Site.Tests.LinkHealth.LinkServer;

namespace Site.Tests.LinkHealth;

/// <summary>A publisher sees each URL once per run and never more than a few requests at a time (issue 17).</summary>
public sealed class PolitenessTests
{
    [Fact]
    public async Task A_url_cited_in_many_places_is_fetched_once_and_reported_at_each()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>());
        var links = new[]
        {
            new ExternalLink(server.Url("/report#p3"), [new LinkOrigin("content/b.md", 9, 2), new LinkOrigin("content/a.md", 3, 1)]),
            new ExternalLink(server.Url("/report#p7"), [new LinkOrigin("content/c.md", 12, 30)]),
            new ExternalLink(server.Url("/report"), [new LinkOrigin("content/sources.yml", 5, 8)], IsSource: true),
        };

        var reports = await AllAsync(links);

        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
        Assert.Equal(
            [
                $"content/a.md(3,1): warning SITE053: {server.Url("/report#p3")} returns 404 Not Found",
                $"content/b.md(9,2): warning SITE053: {server.Url("/report#p3")} returns 404 Not Found",
                $"content/c.md(12,30): warning SITE053: {server.Url("/report#p7")} returns 404 Not Found",
                $"content/sources.yml(5,8): warning SITE054: source {server.Url("/report")} returns 404 Not Found; add an `archive:` copy (for example from the Wayback Machine) so readers can still read it",
            ],
            LinkFindings.From(reports).Select(d => d.ToString()));
    }

    [Fact]
    public async Task No_more_than_the_per_host_limit_of_requests_are_in_flight_at_once()
    {
        // Requests to one host (127.0.0.1) are held until two of them are in flight together and every request to
        // another host (localhost, the same server under another name) has been answered: that gives the checker
        // every chance to send more to the first host than the limit allows, and proves the limit is reached.
        var inFlight = 0;
        var most = 0;
        var freeAnswered = 0;
        var twoHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var freeDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Route held = async (context, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now >= 2)
            {
                twoHeld.TrySetResult();
            }
            await Task.WhenAll(twoHeld.Task, freeDone.Task).WaitAsync(Hang);
            Interlocked.Decrement(ref inFlight);
            context.Response.StatusCode = 200;
        };
        Route free = (context, _) =>
        {
            if (Interlocked.Increment(ref freeAnswered) == 8)
            {
                freeDone.TrySetResult();
            }
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        };
        var paths = Enumerable.Range(1, 8).ToArray();
        await using var server = await StartAsync(paths.Select(i => ($"/held{i}", held)).Concat(paths.Select(i => ($"/free{i}", free)))
            .ToDictionary(p => p.Item1, p => p.Item2));
        var links = paths.Select(i => new ExternalLink(server.Url($"/held{i}"), [Origin]))
            .Concat(paths.Select(i => new ExternalLink($"http://localhost:{server.Port}/free{i}", [Origin])));

        var reports = await AllAsync([.. links], Fast with { PerHostConcurrency = 2 });

        Assert.All(reports, r => Assert.Equal(LinkStatus.Ok, r.Result.Status));
        Assert.Equal(16, server.Requests.Count);
        Assert.Equal(2, most);
    }

    [Fact]
    public async Task Sources_are_checked_before_other_links()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/a-link"] = Status(200),
            ["/b-link"] = Status(200),
            ["/z-source"] = Status(200),
        });
        var links = new[]
        {
            new ExternalLink(server.Url("/a-link"), [Origin]),
            new ExternalLink(server.Url("/b-link"), [Origin]),
            new ExternalLink(server.Url("/z-source"), [Origin], IsSource: true),
        };

        await AllAsync(links, Fast with { PerHostConcurrency = 1, TotalConcurrency = 1 });

        Assert.Equal(["/z-source", "/a-link", "/b-link"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Results_are_sorted_by_url_then_first_origin_whatever_the_input_order()
    {
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/a"] = Status(200), ["/b"] = Status(200) });
        var links = new[]
        {
            new ExternalLink(server.Url("/b"), [new LinkOrigin("content/z.md", 1, 1)]),
            new ExternalLink(server.Url("/a"), [new LinkOrigin("content/y.md", 2, 1)]),
            new ExternalLink(server.Url("/a"), [new LinkOrigin("content/x.md", 3, 1)]),
        };

        var reports = await AllAsync(links);

        Assert.Equal(["content/x.md", "content/y.md", "content/z.md"], reports.Select(r => r.Link.Origins[0].File));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
