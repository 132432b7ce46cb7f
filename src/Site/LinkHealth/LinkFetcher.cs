using System.Net;
using Polly;

namespace Site.LinkHealth;

/// <summary>
/// Fetches one URL the way a careful reader's browser would, and says what became of it. Redirects are
/// followed here rather than by the handler, so that a redirect leaving the site, a loop and an overlong
/// chain can each be told apart. Only headers are read; bodies are never downloaded.
/// </summary>
internal sealed class LinkFetcher : IDisposable
{
    private const string Accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private readonly LinkCheckOptions _options;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly ResiliencePipeline<HttpAttempt> _retry;
    private readonly HostGate _gate;

    public LinkFetcher(LinkCheckOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _retry = RetryPolicy.Create(options, time);
        _gate = new HostGate(options.PerHostConcurrency, options.TotalConcurrency);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            Credentials = null,
            DefaultProxyCredentials = null,
            PreAuthenticate = false,
            // Through a proxy the connection goes to the proxy, and the guard could not see where a link leads.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = options.ConnectTimeout,
            ConnectCallback = AddressGuard.Connect(options.AllowPrivate),
            SslOptions = { RemoteCertificateValidationCallback = CertificateCheck.Validate },
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent(options.ContactUrl));
        _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", Accept);
    }

    /// <summary>Browser-like, so that sites do not serve a robot page, and honest about what it is.</summary>
    public static string UserAgent(Uri? contact)
    {
        var version = typeof(LinkFetcher).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        return contact is null
            ? $"Mozilla/5.0 (compatible; Site-LinkCheck/{version})"
            : $"Mozilla/5.0 (compatible; Site-LinkCheck/{version}; +{contact.AbsoluteUri})";
    }

    public async Task<LinkResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!IsWeb(url))
        {
            return new LinkResult(LinkStatus.NotChecked, "was not checked: only http and https links are checked");
        }
        var chain = new List<Uri> { url };
        var elapsed = TimeSpan.Zero;
        while (true)
        {
            var current = chain[^1];
            HttpAttempt attempt;
            try
            {
                attempt = await SendAsync(current, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException)
            {
                return Via(chain, FailureText.Describe(e));
            }
            using (attempt)
            {
                elapsed += attempt.Elapsed;
                if (RedirectTarget(attempt.Response, current) is not { } next)
                {
                    return Classify(chain, attempt.Response, elapsed);
                }
                if (Redirect(chain, next) is { } stop)
                {
                    return stop;
                }
                chain.Add(next);
            }
        }
    }

    /// <summary>Why a redirect to <paramref name="next"/> ends the check, or null to follow it.</summary>
    private LinkResult? Redirect(List<Uri> chain, Uri next)
    {
        if (!IsWeb(next))
        {
            return new LinkResult(LinkStatus.Dead, $"redirects to {next.OriginalString}, which is not a web page");
        }
        if (chain.Exists(u => u.AbsoluteUri == next.AbsoluteUri))
        {
            return new LinkResult(LinkStatus.Dead, $"redirects in a loop: {string.Join(" → ", chain.Select(u => u.AbsoluteUri))} → {next.AbsoluteUri}");
        }
        return chain.Count > _options.MaxRedirects
            ? new LinkResult(LinkStatus.Dead, $"redirects more than {_options.MaxRedirects} times")
            : null;
    }

    private LinkResult Classify(List<Uri> chain, HttpResponseMessage response, TimeSpan elapsed)
    {
        var code = (int)response.StatusCode;
        var final = chain.Count > 1 ? chain[^1].AbsoluteUri : null;
        if (code < 400 && !IsRedirect(response.StatusCode))
        {
            return Answered(chain, code, elapsed);
        }
        var wait = RetryPolicy.RetryAfter(response, _time) is { } w && w > _options.MaxRetryAfter
            ? $" and asks to wait {FailureText.Seconds(w)} before trying again"
            : "";
        var result = response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new LinkResult(LinkStatus.NotChecked,
                $"was not checked: the site is limiting requests ({FailureText.Status(code)}){wait}", code, final, elapsed, Cacheable: false),
            _ when IsRedirect(response.StatusCode) => new LinkResult(LinkStatus.Dead, $"returns {FailureText.Status(code)} without saying where to", code, final, elapsed),
            _ => new LinkResult(LinkStatus.Dead, $"returns {FailureText.Status(code)}{wait}", code, final, elapsed),
        };
        return Via(chain, result);
    }

    /// <summary>A page that answered: fine, unless the chain left the site, or ended on a home page when the link
    /// did not point to one (what news sites do with articles they take down), or took too long.</summary>
    private LinkResult Answered(List<Uri> chain, int code, TimeSpan elapsed)
    {
        var (first, last) = (chain[0], chain[^1]);
        var final = chain.Count > 1 ? last.AbsoluteUri : null;
        if (!SameSite(first, last))
        {
            return new LinkResult(LinkStatus.Moved, $"now redirects to {final}, another site: the article may now cite a home page", code, final, elapsed);
        }
        if (last.AbsolutePath == "/" && first.AbsolutePath != "/")
        {
            return new LinkResult(LinkStatus.Moved, $"now redirects to {final}, the site's home page: the page it cited may be gone", code, final, elapsed);
        }
        if (elapsed > _options.SlowThreshold)
        {
            return new LinkResult(LinkStatus.Slow,
                $"answered in {FailureText.Seconds(elapsed)}, slower than the {FailureText.Seconds(_options.SlowThreshold)} limit", code, final, elapsed);
        }
        return final is null
            ? new LinkResult(LinkStatus.Ok, "answers " + FailureText.Status(code), code, null, elapsed)
            : new LinkResult(LinkStatus.Redirected, $"redirects to {final} within the site", code, final, elapsed);
    }

    /// <summary>One attempt is HEAD, then GET if HEAD answers an error other than 429: many servers mishandle
    /// HEAD, and GET is what a reader's browser sends. Once HEAD has failed, retries go straight to GET.</summary>
    private async Task<HttpAttempt> SendAsync(Uri url, CancellationToken cancellationToken)
    {
        var useGet = false;
        return await _retry.ExecuteAsync(async token =>
        {
            using var lease = await _gate.EnterAsync(url.IdnHost, token);
            var start = _time.GetTimestamp();
            if (!useGet)
            {
                var head = await SendOnceAsync(HttpMethod.Head, url, token);
                if ((int)head.StatusCode < 400 || head.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    return new HttpAttempt(head, _time.GetElapsedTime(start));
                }
                head.Dispose();
                useGet = true;
                start = _time.GetTimestamp();
            }
            return new HttpAttempt(await SendOnceAsync(HttpMethod.Get, url, token), _time.GetElapsedTime(start));
        }, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri url, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(method, url);
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(timeout.IsCancellationRequested
                ? $"did not answer within {FailureText.Seconds(_options.RequestTimeout)}"
                : $"could not connect within {FailureText.Seconds(_options.ConnectTimeout)}", e);
        }
    }

    private static Uri? RedirectTarget(HttpResponseMessage response, Uri current) =>
        IsRedirect(response.StatusCode) && response.Headers.Location is { } location && Uri.TryCreate(current, location, out var next)
            ? StripFragment(next)
            : null;

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Hosts are compared by name, ignoring case, the port and a leading "www.": http → https and
    /// example.org → www.example.org stay on the same site; 127.0.0.1 and localhost are two sites.</summary>
    internal static bool SameSite(Uri a, Uri b) =>
        string.Equals(WithoutWww(a.IdnHost), WithoutWww(b.IdnHost), StringComparison.OrdinalIgnoreCase);

    private static string WithoutWww(string host) =>
        host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static bool IsWeb(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

    private static Uri StripFragment(Uri url) =>
        url.Fragment.Length == 0 ? url : new Uri(url.GetComponents(UriComponents.AbsoluteUri & ~UriComponents.Fragment, UriFormat.UriEscaped));

    /// <summary>Says where the chain led, when the problem is not at the link itself.</summary>
    private static LinkResult Via(List<Uri> chain, LinkResult result) => chain.Count == 1
        ? result
        : result with { Message = $"redirects to {chain[^1].AbsoluteUri}, which {result.Message}", FinalUrl = chain[^1].AbsoluteUri };

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }
}
