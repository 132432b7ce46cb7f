using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Site.LinkHealth;
using static Site.Tests.LinkHealth.LinkCheck;
using static Site.Tests.LinkHealth.LinkServer;

namespace Site.Tests.LinkHealth;

/// <summary>What the external link check makes of each way a publisher's server can answer, against real
/// servers on loopback: the classification, the words, and the diagnostic at the link's position (issue 17).</summary>
public sealed class ClassificationTests
{
    [Fact]
    public async Task A_page_that_answers_200_is_ok_after_one_HEAD_request()
    {
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/page"] = Status(200) });

        var report = await OneAsync(server.Url("/page"));

        Assert.Equal(LinkStatus.Ok, report.Result.Status);
        Assert.Equal(200, report.Result.StatusCode);
        Assert.Empty(LinkFindings.From([report]));
        Assert.Equal(["HEAD"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_redirect_within_the_site_is_followed_and_not_reported()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/old"] = Redirect(301, "/new"),
            ["/new"] = Status(200),
        });

        var report = await OneAsync(server.Url("/old"));

        Assert.Equal(LinkStatus.Redirected, report.Result.Status);
        Assert.Equal(server.Url("/new"), report.Result.FinalUrl);
        Assert.Empty(LinkFindings.From([report]));
    }

    [Fact]
    public async Task A_redirect_to_another_host_is_reported_as_moved()
    {
        // Hosts are compared by name: 127.0.0.1 and localhost are two sites, though one server answers both.
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/"] = Status(200) });
        var elsewhere = $"http://localhost:{server.Port}/";
        await using var moved = await StartAsync(new Dictionary<string, Route> { ["/story"] = Redirect(302, elsewhere) });

        var report = await OneAsync(moved.Url("/story"));

        Assert.Equal(LinkStatus.Moved, report.Result.Status);
        Assert.Equal(
            $"content/article.md(4,7): warning SITE056: {moved.Url("/story")} now redirects to {elsewhere}, another site: the article may now cite a home page",
            Finding(report));
    }

    [Fact]
    public async Task A_redirect_to_the_sites_own_home_page_is_reported_as_moved()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/2021/05/story"] = Redirect(301, "/"),
            ["/"] = Status(200),
        });

        var report = await OneAsync(server.Url("/2021/05/story"));

        Assert.Equal(
            $"content/article.md(4,7): warning SITE056: {server.Url("/2021/05/story")} now redirects to {server.Url("/")}, the site's home page: the page it cited may be gone",
            Finding(report));
    }

    [Theory]
    [InlineData(404, "404 Not Found")]
    [InlineData(410, "410 Gone")]
    [InlineData(403, "403 Forbidden")]
    public async Task A_client_error_is_dead_after_HEAD_and_GET(int status, string words)
    {
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/gone"] = Status(status) });

        var report = await OneAsync(server.Url("/gone"));

        Assert.Equal(LinkStatus.Dead, report.Result.Status);
        Assert.Equal($"content/article.md(4,7): warning SITE053: {server.Url("/gone")} returns {words}", Finding(report));
        // 4xx is not retried; GET is asked too, since many servers mishandle HEAD.
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_redirect_to_a_missing_page_says_where_it_led()
    {
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/a"] = Redirect(308, "/b") });

        var report = await OneAsync(server.Url("/a"));

        Assert.Equal(LinkStatus.Dead, report.Result.Status);
        Assert.Equal($"redirects to {server.Url("/b")}, which returns 404 Not Found", report.Result.Message);
    }

    [Theory]
    [InlineData("/to-mail", "redirects to mailto:desk@example.org, which is not a web page")]
    [InlineData("/nowhere", "returns 302 Found without saying where to")]
    public async Task A_redirect_that_leads_nowhere_a_reader_can_follow_is_dead(string path, string message)
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/to-mail"] = Redirect(302, "mailto:desk@example.org"),
            ["/nowhere"] = Status(302),
        });

        var report = await OneAsync(server.Url(path));

        Assert.Equal(LinkStatus.Dead, report.Result.Status);
        Assert.Equal(message, report.Result.Message);
    }

    [Fact]
    public async Task HEAD_refused_with_405_falls_back_to_GET()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/page"] = (context, _) =>
            {
                context.Response.StatusCode = HttpMethods.IsHead(context.Request.Method) ? 405 : 200;
                return Task.CompletedTask;
            },
        });

        var report = await OneAsync(server.Url("/page"));

        Assert.Equal(LinkStatus.Ok, report.Result.Status);
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_server_error_is_retried_until_the_page_answers()
    {
        // The first HEAD and the GET it falls back to both fail; the retry (GET, since HEAD is unreliable here) succeeds.
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/flaky"] = (context, n) =>
            {
                context.Response.StatusCode = n < 2 ? 500 : 200;
                return Task.CompletedTask;
            },
        });

        var report = await OneAsync(server.Url("/flaky"));

        Assert.Equal(LinkStatus.Ok, report.Result.Status);
        Assert.Equal(["HEAD", "GET", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task A_server_error_that_persists_is_dead_after_the_retries()
    {
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/down"] = Status(503) });

        var report = await OneAsync(server.Url("/down"));

        Assert.Equal($"content/article.md(4,7): warning SITE053: {server.Url("/down")} returns 503 Service Unavailable", Finding(report));
        // One attempt (HEAD, then GET) and MaxRetries = 2 more.
        Assert.Equal(["HEAD", "GET", "GET", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Too_many_requests_waits_as_long_as_Retry_After_says()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/busy"] = (context, n) =>
            {
                context.Response.StatusCode = n == 0 ? 429 : 200;
                if (n == 0)
                {
                    context.Response.Headers.RetryAfter = "1";
                }
                return Task.CompletedTask;
            },
        });

        var report = await OneAsync(server.Url("/busy"));

        Assert.Equal(LinkStatus.Ok, report.Result.Status);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        // A lower bound only; 1 ms of slack for the timer's millisecond ticks.
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(999),
            $"the retry came {Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp)} after the 429");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_is_reported_not_waited_for()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/busy"] = (context, _) =>
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "3600";
                return Task.CompletedTask;
            },
        });

        var report = await OneAsync(server.Url("/busy"));

        Assert.Equal(
            $"content/article.md(4,7): warning SITE058: {server.Url("/busy")} was not checked: the site is limiting requests (429 Too Many Requests) and asks to wait 3600 s before trying again",
            Finding(report));
        Assert.False(report.Result.Cacheable);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_page_that_answers_after_the_threshold_is_slow()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/slow"] = async (context, _) =>
            {
                // The server under test is slow on purpose; the check waits for its answer, not for time.
                // Twice the threshold and more: .NET timers tick in whole milliseconds and may end a delay
                // a fraction early, so the margin keeps the answer on the slow side of the line.
                await Task.Delay(TimeSpan.FromMilliseconds(600));
                context.Response.StatusCode = 200;
            },
        });

        var report = await OneAsync(server.Url("/slow"), Fast with { SlowThreshold = TimeSpan.FromMilliseconds(200) });

        Assert.Equal(LinkStatus.Slow, report.Result.Status);
        Assert.True(report.Result.Elapsed > TimeSpan.FromMilliseconds(200), $"elapsed {report.Result.Elapsed}");
        Assert.Matches(@"^content/article\.md\(4,7\): warning SITE057: http://127\.0\.0\.1:\d+/slow answered in \d+(\.\d)? s, slower than the 0\.2 s limit$", Finding(report));
    }

    [Fact]
    public async Task A_page_that_does_not_answer_within_the_timeout_is_dead_and_not_retried()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/hangs"] = async (context, _) => await Task.Delay(Hang, context.RequestAborted).ContinueWith(_ => { }),
        });

        var report = await OneAsync(server.Url("/hangs"), Fast with { RequestTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal($"content/article.md(4,7): warning SITE053: {server.Url("/hangs")} did not answer within 0.5 s", Finding(report));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_dead()
    {
        // A port that is bound but not listening refuses connections, and nothing else can take it meanwhile.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)socket.LocalEndPoint!).Port}/page";

        var report = await OneAsync(url);

        Assert.Equal($"content/article.md(4,7): warning SITE053: {url} cannot be reached: the server refused the connection", Finding(report));
    }

    [Fact]
    public async Task A_self_signed_certificate_is_not_trusted()
    {
        using var certificate = SelfSignedCertificate();
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/page"] = Status(200) }, certificate);
        var url = $"https://localhost:{server.Port}/page";

        var report = await OneAsync(url);

        Assert.Equal(
            $"content/article.md(4,7): warning SITE053: {url} cannot be opened safely: the certificate is not trusted: it is self-signed or issued by an authority that is not trusted",
            Finding(report));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_redirect_loop_is_dead()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/a"] = Redirect(302, "/b"),
            ["/b"] = Redirect(302, "/a"),
        });

        var report = await OneAsync(server.Url("/a"));

        Assert.Equal(
            $"content/article.md(4,7): warning SITE053: {server.Url("/a")} redirects in a loop: {server.Url("/a")} → {server.Url("/b")} → {server.Url("/a")}",
            Finding(report));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_endless_chain_of_redirects_stops_at_the_limit()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/next"] = (context, n) =>
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = $"/next?{n + 1}";
                return Task.CompletedTask;
            },
        });

        var report = await OneAsync(server.Url("/next"), Fast with { MaxRedirects = 3 });

        Assert.Equal($"{server.Url("/next")} redirects more than 3 times", $"{report.Link.Url} {report.Result.Message}");
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Links_that_are_not_web_addresses_are_neither_fetched_nor_reported()
    {
        var reports = await AllAsync([new ExternalLink("mailto:desk@example.org", [Origin]), new ExternalLink("ftp://example.org/file", [Origin])]);

        Assert.All(reports, r => Assert.Equal("was not checked: only http and https links are checked", r.Result.Message));
        Assert.Empty(LinkFindings.From(reports));
    }
}
