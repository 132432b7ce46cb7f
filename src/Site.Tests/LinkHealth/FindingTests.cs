using System.Net;
using System.Net.Http.Headers;
using Site.LinkHealth;
using static Site.Tests.LinkHealth.LinkCheck;
using static Site.Tests.LinkHealth.LinkServer;

namespace Site.Tests.LinkHealth;

/// <summary>What the desk reads: a dead source says whether readers still have an archive copy, and the
/// server's wait is read in both forms HTTP allows (issue 17).</summary>
public sealed class FindingTests
{
    [Fact]
    public async Task A_dead_source_says_whether_readers_still_have_an_archive_copy()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>());
        var archived = server.Url("/archived");
        var lost = server.Url("/lost");
        const string Archive = "https://web.archive.org/web/2022/https://example.org/archived";

        var reports = await AllAsync(
        [
            new ExternalLink(archived, [new LinkOrigin("content/sources.yml", 3, 8)], IsSource: true, Archive),
            new ExternalLink(lost, [new LinkOrigin("content/article.md", 6, 10)], IsSource: true),
        ]);

        Assert.Equal(
            [
                $"content/article.md(6,10): warning SITE054: source {lost} returns 404 Not Found; add an `archive:` copy (for example from the Wayback Machine) so readers can still read it",
                $"content/sources.yml(3,8): warning SITE055: source {archived} returns 404 Not Found; readers can still use its archive copy, {Archive}",
            ],
            LinkFindings.From(reports).Select(d => d.ToString()));
    }

    [Fact]
    public void Retry_After_is_read_in_seconds_and_as_an_HTTP_date()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 3, 1, 6, 0, 0, TimeSpan.Zero));
        using var seconds = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        seconds.Headers.RetryAfter = RetryConditionHeaderValue.Parse("120");
        using var date = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        date.Headers.TryAddWithoutValidation("Retry-After", "Sun, 01 Mar 2026 06:00:45 GMT");
        using var past = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        past.Headers.TryAddWithoutValidation("Retry-After", "Sun, 01 Mar 2026 05:00:00 GMT");
        using var none = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Equal(TimeSpan.FromSeconds(120), RetryPolicy.RetryAfter(seconds, clock));
        Assert.Equal(TimeSpan.FromSeconds(45), RetryPolicy.RetryAfter(date, clock));
        Assert.Equal(TimeSpan.Zero, RetryPolicy.RetryAfter(past, clock));
        Assert.Null(RetryPolicy.RetryAfter(none, clock));
    }

    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, "cannot be reached: its site name does not exist (DNS lookup failed)")]
    [InlineData(HttpRequestError.ResponseEnded, "cannot be reached: the server closed the connection without answering")]
    [InlineData(HttpRequestError.SecureConnectionError, "cannot be opened safely: the secure connection failed")]
    public void Network_failures_are_put_in_plain_words(HttpRequestError error, string message)
    {
        // A DNS failure cannot be staged on loopback without asking a real resolver, so its words are checked here.
        var result = FailureText.Describe(new HttpRequestException(error, "platform text"));

        Assert.Equal(LinkStatus.Dead, result.Status);
        Assert.Equal(message, result.Message);
    }

    [Fact]
    public async Task A_503_asking_for_a_long_wait_as_an_HTTP_date_is_dead_at_once()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/maintenance"] = (context, _) =>
            {
                context.Response.StatusCode = 503;
                context.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddDays(2).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            },
        });

        var report = await OneAsync(server.Url("/maintenance"));

        Assert.Equal(LinkStatus.Dead, report.Result.Status);
        Assert.Matches(@"^returns 503 Service Unavailable and asks to wait \d+ s before trying again$", report.Result.Message);
        // HEAD answered 503, so GET was asked; neither was retried.
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }
}
