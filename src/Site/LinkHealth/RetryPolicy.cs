using System.Net;
using Polly;
using Polly.Retry;

namespace Site.LinkHealth;

/// <summary>
/// When to ask a server again and how long to wait first: 5xx, 408, 429 and dropped connections are retried
/// with exponential backoff and jitter, or after the server's own <c>Retry-After</c> when it gives one. A
/// server asking for longer than <see cref="LinkCheckOptions.MaxRetryAfter"/> is not waited for: its answer
/// is reported as it is. Timeouts are not retried: a server that did not answer in time rarely does on the
/// next try, and waiting again would multiply the length of a daily run.
/// </summary>
internal static class RetryPolicy
{
    public static ResiliencePipeline<HttpAttempt> Create(LinkCheckOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder<HttpAttempt> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpAttempt>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
                // Null means "use the backoff": only a server's own Retry-After overrides it.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } attempt ? RetryAfter(attempt.Response, time) : null),
            })
            .Build();

    /// <summary>How long the server asked to wait, from <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static bool IsRetriedStatus(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static bool ShouldRetry(Outcome<HttpAttempt> outcome, LinkCheckOptions options, TimeProvider time) => outcome switch
    {
        { Result: { } attempt } => IsRetriedStatus(attempt.Response.StatusCode)
            && !(RetryAfter(attempt.Response, time) > options.MaxRetryAfter),
        { Exception: HttpRequestException e } => IsTransient(e),
        _ => false,
    };

    /// <summary>A dropped or refused connection may work a moment later; a name that does not resolve, a bad
    /// certificate or an address the guard refused will not.</summary>
    private static bool IsTransient(HttpRequestException e) =>
        e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.ResponseEnded
        && !FailureText.Has<RefusedAddressException>(e);
}
