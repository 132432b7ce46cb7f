using System.Net;
using Site.LinkHealth;
using static Site.Tests.LinkHealth.LinkCheck;
using static Site.Tests.LinkHealth.LinkServer;

namespace Site.Tests.LinkHealth;

/// <summary>The check never reaches the reader's own machine or networks unless asked to, and never sends
/// cookies or credentials (issue 17). Only loopback is ever contacted here: other addresses are judged by
/// the guard's own classification, never by trying them.</summary>
public sealed class SafetyTests
{
    [Theory]
    [InlineData("http://127.0.0.1:{0}/page", "127.0.0.1 is a loopback address")]
    [InlineData("http://127.1.2.3:{0}/page", "127.1.2.3 is a loopback address")]
    [InlineData("http://[::ffff:127.0.0.1]:{0}/page", "::ffff:127.0.0.1 is a loopback address")]
    public async Task A_link_to_a_loopback_address_is_reported_and_never_fetched(string pattern, string why)
    {
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/page"] = Status(200) });
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, server.Port);

        var report = await OneAsync(url, Fast with { AllowPrivate = false });

        Assert.Equal(
            $"content/article.md(4,7): warning SITE058: {url} was not fetched: {why}; links to this machine and private networks are never fetched (--allow-private checks them)",
            Finding(report));
        Assert.False(report.Result.Cacheable);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_caught_when_connecting()
    {
        // "localhost" is a name, not an address: only the check at connect time can see where it leads,
        // exactly as for a public name whose DNS answers 127.0.0.1.
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/page"] = Status(200) });

        var report = await OneAsync($"http://localhost:{server.Port}/page", Fast with { AllowPrivate = false });

        Assert.Equal(LinkStatus.NotChecked, report.Result.Status);
        Assert.Matches(@"^was not fetched: localhost resolves to (127\.0\.0\.1|::1), a loopback address;", report.Result.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task With_AllowPrivate_the_same_link_is_fetched()
    {
        await using var server = await StartAsync(new Dictionary<string, Route> { ["/page"] = Status(200) });

        var report = await OneAsync($"http://localhost:{server.Port}/page", Fast with { AllowPrivate = true });

        Assert.Equal(LinkStatus.Ok, report.Result.Status);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("169.254.169.254", "the cloud metadata endpoint")]
    [InlineData("fd00:ec2::254", "the cloud metadata endpoint")]
    [InlineData("169.254.10.1", "a link-local address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("10.20.30.40", "a private network address")]
    [InlineData("172.16.0.1", "a private network address")]
    [InlineData("172.31.255.255", "a private network address")]
    [InlineData("192.168.1.1", "a private network address")]
    [InlineData("fd12:3456::1", "a private network address")]
    [InlineData("100.64.0.1", "a carrier-grade NAT address")]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("224.0.0.251", "a multicast address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::ffff:10.0.0.1", "a private network address")]
    [InlineData("64:ff9b::a9fe:a9fe", "the cloud metadata endpoint")]
    public void Non_public_addresses_are_refused(string address, string kind) =>
        Assert.Equal(kind, AddressGuard.Describe(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Public_addresses_are_allowed(string address) =>
        Assert.Null(AddressGuard.Describe(IPAddress.Parse(address)));

    [Fact]
    public async Task No_cookies_or_credentials_are_sent_and_the_user_agent_is_honest()
    {
        await using var server = await StartAsync(new Dictionary<string, Route>
        {
            ["/login"] = (context, _) =>
            {
                context.Response.Headers.SetCookie = "session=secret; Path=/";
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/landing";
                return Task.CompletedTask;
            },
            ["/landing"] = Status(200),
        });
        var withCredentials = server.Url("/login").Replace("http://", "http://reporter:hunter2@", StringComparison.Ordinal);

        var report = await OneAsync(withCredentials, Fast with { ContactUrl = new Uri("https://example.org/news/") });

        Assert.Equal(LinkStatus.Redirected, report.Result.Status);
        Assert.Equal(["/login", "/landing"], server.Requests.Select(r => r.Path));
        Assert.All(server.Requests, request =>
        {
            Assert.False(request.Headers.ContainsKey("Cookie"), "a cookie was sent");
            Assert.False(request.Headers.ContainsKey("Authorization"), "credentials were sent");
            Assert.Equal("Mozilla/5.0 (compatible; Site-LinkCheck/0.1.0; +https://example.org/news/)", request.Headers["User-Agent"]);
            Assert.StartsWith("text/html", request.Headers["Accept"], StringComparison.Ordinal);
        });
    }
}
