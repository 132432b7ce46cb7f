using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Site.Tests.Support;
using static Site.Tests.LinkHealth.LinkServer;

namespace Site.Tests.LinkHealth;

/// <summary>
/// <c>site check --external</c> as a user runs it: the real program against publishers' sites on loopback
/// (issue 17). Every way of answering in the issue's list gives its diagnostic at the place the link is
/// written: a source at its key in front matter or sources.yml, a body link at its Markdown position.
/// </summary>
public sealed class CheckCommandTests
{
    private const string Archive = "https://web.archive.org/web/2022/https://example.org/gone";

    /// <summary>The publishers, and a site citing every one of their pages.</summary>
    private sealed class Publishers : IAsyncDisposable
    {
        public required LinkServer Main { get; init; }

        public required LinkServer Elsewhere { get; init; }

        public required LinkServer Secure { get; init; }

        public required Socket Closed { get; init; }

        public required System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate { get; init; }

        public string Refused => $"http://127.0.0.1:{((IPEndPoint)Closed.LocalEndPoint!).Port}/page";

        public string Tls => $"https://localhost:{Secure.Port}/page";

        public int RequestCount => Main.Requests.Count + Elsewhere.Requests.Count + Secure.Requests.Count;

        public static async Task<Publishers> StartAsync()
        {
            var elsewhere = await LinkServer.StartAsync(new Dictionary<string, Route> { ["/"] = Status(200) });
            var main = await LinkServer.StartAsync(new Dictionary<string, Route>
            {
                ["/ok"] = Status(200),
                ["/old"] = Redirect(301, "/new"),
                ["/new"] = Status(200),
                ["/story"] = Redirect(302, $"http://localhost:{elsewhere.Port}/"),
                ["/lost"] = Status(404),
                ["/gone"] = Status(410),
                ["/flaky"] = (context, n) =>
                {
                    context.Response.StatusCode = n < 2 ? 500 : 200;
                    return Task.CompletedTask;
                },
                ["/busy"] = (context, n) =>
                {
                    context.Response.StatusCode = n == 0 ? 429 : 200;
                    context.Response.Headers.RetryAfter = "1";
                    return Task.CompletedTask;
                },
                ["/hangs"] = async (context, _) => await Task.Delay(LinkCheck.Hang, context.RequestAborted).ContinueWith(_ => { }),
                ["/a"] = Redirect(302, "/b"),
                ["/b"] = Redirect(302, "/a"),
            });
            // Kept for the server's life: Kestrel needs the certificate at every handshake.
            var certificate = SelfSignedCertificate();
            var secure = await LinkServer.StartAsync(new Dictionary<string, Route> { ["/page"] = Status(200) }, certificate);
            // Bound but not listening: connections are refused, and nothing else can take the port meanwhile.
            var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return new Publishers { Main = main, Elsewhere = elsewhere, Secure = secure, Closed = closed, Certificate = certificate };
        }

        public TestSite Site() => new TestSite()
            .With("content/sources.yml", $"""
                ok-source:
                  title: A page that answers
                  publisher: Example
                  url: {Main.Url("/ok")}
                gone-source:
                  title: A page that is gone
                  publisher: Example
                  url: {Main.Url("/gone")}
                  archive: {Archive}
                lost-source:
                  title: A page that was lost
                  publisher: Example
                  url: {Main.Url("/lost")}

                """)
            .With("content/article.md", $"""
                ---
                title: Sources
                date: 2024-01-02
                sources:
                  moved-source:
                    title: A story that moved
                    publisher: Example
                    url: {Main.Url("/story")}
                ---

                The figures were disputed.[^n]

                [^n]: See [@ok-source], [@gone-source], [@lost-source] and [@moved-source].

                - [within]({Main.Url("/old")})
                - [busy]({Main.Url("/busy")})
                - [flaky]({Main.Url("/flaky")})
                - [slow]({Main.Url("/hangs")})
                - [refused]({Refused})
                - [tls]({Tls})
                - [loop]({Main.Url("/a")})

                """);

        /// <summary>What the check says about this site, in text form.</summary>
        public string[] Expected() =>
        [
            $"content/article.md(5,3): warning SITE056: source {Main.Url("/story")} now redirects to http://localhost:{Elsewhere.Port}/, another site: the article may now cite a home page",
            $"content/article.md(18,3): warning SITE053: {Main.Url("/hangs")} did not answer within 10 s",
            $"content/article.md(19,3): warning SITE053: {Refused} cannot be reached: the server refused the connection",
            $"content/article.md(20,3): warning SITE053: {Tls} cannot be opened safely: the certificate is not trusted: it is self-signed or issued by an authority that is not trusted",
            $"content/article.md(21,3): warning SITE053: {Main.Url("/a")} redirects in a loop: {Main.Url("/a")} → {Main.Url("/b")} → {Main.Url("/a")}",
            $"content/sources.yml(5,1): warning SITE055: source {Main.Url("/gone")} returns 410 Gone; readers can still use its archive copy, {Archive}",
            $"content/sources.yml(10,1): warning SITE054: source {Main.Url("/lost")} returns 404 Not Found; add an `archive:` copy (for example from the Wayback Machine) so readers can still read it",
        ];

        public async ValueTask DisposeAsync()
        {
            Closed.Dispose();
            await Main.DisposeAsync();
            await Elsewhere.DisposeAsync();
            await Secure.DisposeAsync();
            Certificate.Dispose();
        }
    }

    private static readonly string[] Check = ["check", "--external", "--allow-private", "--timeout", "10"];

    [Fact]
    public async Task Every_way_a_publisher_can_answer_is_reported_where_the_link_is_written()
    {
        await using var publishers = await Publishers.StartAsync();
        using var site = publishers.Site();

        var run = await site.RunAsync(Check);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(publishers.Expected(), run.StderrLines);
        Assert.Matches(@"^Check of 11 external links passed: 7 warnings, 0 errors in \d+ ms\.$", Assert.Single(run.StdoutLines));
        // 500 twice then 200: retried; 429 with Retry-After: asked again, and answered.
        Assert.Equal(["HEAD", "GET", "GET"], publishers.Main.RequestsTo("/flaky").Select(r => r.Method));
        Assert.Equal(["HEAD", "HEAD"], publishers.Main.RequestsTo("/busy").Select(r => r.Method));
        Assert.False(Directory.Exists(site.Path("output")));
        Assert.True(File.Exists(site.Path(".site-cache/links.json")));
    }

    [Fact]
    public async Task A_second_check_within_the_age_limit_asks_no_publisher_again()
    {
        await using var publishers = await Publishers.StartAsync();
        using var site = publishers.Site();
        var first = await site.RunAsync(Check);
        var requests = publishers.RequestCount;

        var second = await site.RunAsync(Check);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(first.StderrLines, second.StderrLines);
        Assert.Equal(requests, publishers.RequestCount);
        Assert.True(requests > 0);
    }

    [Fact]
    public async Task A_check_with_an_age_limit_of_one_second_asks_again_once_it_has_passed()
    {
        await using var server = await LinkServer.StartAsync(new Dictionary<string, Route> { ["/ok"] = Status(200) });
        using var site = new TestSite().With("content/article.md", TestSite.Article($"[a page]({server.Url("/ok")})\n"));
        await site.RunAsync("check", "--external", "--allow-private", "--max-age", "1s");
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);

        var run = await site.RunAsync("check", "--external", "--allow-private", "--max-age", "1s");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, server.RequestsTo("/ok").Count);
    }

    [Fact]
    public async Task Warnings_fail_the_check_only_under_strict()
    {
        await using var server = await LinkServer.StartAsync(new Dictionary<string, Route>());
        using var site = new TestSite().With("content/article.md", TestSite.Article($"[a page]({server.Url("/lost")})\n"));

        var run = await site.RunAsync("check", "--external", "--allow-private", "--strict");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal([$"content/article.md(5,1): warning SITE053: {server.Url("/lost")} returns 404 Not Found"], run.StderrLines);
        Assert.Matches(@"^Check of 1 external link failed: 1 warning, 0 errors", Assert.Single(run.StdoutLines));
    }

    [Fact]
    public async Task Without_allow_private_a_link_to_this_machine_is_reported_and_never_fetched()
    {
        await using var server = await LinkServer.StartAsync(new Dictionary<string, Route> { ["/ok"] = Status(200) });
        using var site = new TestSite().With("content/article.md", TestSite.Article($"[a page]({server.Url("/ok")})\n"));

        var run = await site.RunAsync("check", "--external");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [$"content/article.md(5,1): warning SITE058: {server.Url("/ok")} was not fetched: 127.0.0.1 is a loopback address; links to this machine and private networks are never fetched (--allow-private checks them)"],
            run.StderrLines);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Findings_come_as_json_and_as_GitHub_workflow_commands()
    {
        await using var server = await LinkServer.StartAsync(new Dictionary<string, Route>());
        using var site = new TestSite().With("content/article.md", TestSite.Article($"[a page]({server.Url("/lost")})\n"));

        var json = await site.RunAsync("check", "--external", "--allow-private", "--diagnostics", "json");
        var github = await site.RunAsync("check", "--external", "--allow-private", "--diagnostics", "github");

        using var document = JsonDocument.Parse(json.Stdout);
        var finding = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("content/article.md", finding.GetProperty("file").GetString());
        Assert.Equal(5, finding.GetProperty("line").GetInt32());
        Assert.Equal("SITE053", finding.GetProperty("code").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal($"::warning file=content/article.md,line=5,col=1,title=SITE053::{server.Url("/lost")} returns 404 Not Found", github.StdoutLines[0]);
    }

    [Theory]
    [InlineData("build --external", "option '--external' does not apply to 'build'")]
    [InlineData("check --port 80", "option '--port' does not apply to 'check'")]
    [InlineData("check --output out", "option '--output' does not apply to 'check'")]
    [InlineData("check --max-age soon", "--max-age must be a number followed by s, m, h or d, like 12h, not 'soon'")]
    [InlineData("check --timeout 0", "--timeout must be a number of seconds greater than 0, like 10 or 0.5, not '0'")]
    public async Task A_wrong_check_option_is_a_usage_error(string args, string error)
    {
        using var site = new TestSite();

        var run = await site.RunAsync(args.Split(' '));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"site: error: {error}", run.StderrLines[0]);
    }
}
