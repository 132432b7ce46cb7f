using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.WebUtilities;

namespace Site.LinkHealth;

/// <summary>Words for what went wrong, for a journalist rather than a network engineer. Each phrase
/// completes a sentence that starts with the URL.</summary>
internal static class FailureText
{
    /// <summary>"404 Not Found", from the status code alone: the server's own reason phrase is its text, not ours.</summary>
    public static string Status(int code) =>
        $"{code.ToString(CultureInfo.InvariantCulture)} {ReasonPhrases.GetReasonPhrase(code)}".TrimEnd();

    /// <summary>"12.3 s", whatever the culture.</summary>
    public static string Seconds(TimeSpan span) =>
        span.TotalSeconds.ToString(span.TotalSeconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " s";

    /// <summary>The result of a request that got no answer.</summary>
    public static LinkResult Describe(Exception e) => e switch
    {
        _ when Find<RefusedAddressException>(e) is { } refused => new LinkResult(LinkStatus.NotChecked,
            $"was not fetched: {refused.Message}; links to this machine and private networks are never fetched (--allow-private checks them)",
            Cacheable: false),
        TimeoutException => new LinkResult(LinkStatus.Dead, e.Message),
        HttpRequestException http => new LinkResult(LinkStatus.Dead, Describe(http)),
        _ => new LinkResult(LinkStatus.Dead, "cannot be reached: " + e.Message),
    };

    public static bool Has<T>(Exception e) where T : Exception => Find<T>(e) is not null;

    private static string Describe(HttpRequestException e)
    {
        if (Find<UntrustedCertificateException>(e) is { } certificate)
        {
            return "cannot be opened safely: " + certificate.Message;
        }
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "cannot be reached: its site name does not exist (DNS lookup failed)",
            HttpRequestError.SecureConnectionError => "cannot be opened safely: the secure connection failed",
            HttpRequestError.ResponseEnded => "cannot be reached: the server closed the connection without answering",
            _ => (Find<SocketException>(e)?.SocketErrorCode) switch
            {
                SocketError.ConnectionRefused => "cannot be reached: the server refused the connection",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "cannot be reached: its site name does not exist (DNS lookup failed)",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "cannot be reached: there is no route to the server",
                SocketError.ConnectionReset => "cannot be reached: the server dropped the connection",
                _ => "cannot be reached: " + (e.InnerException ?? e).Message,
            },
        };
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }
        return null;
    }
}
