using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Site.Tests.LinkHealth;

/// <summary>
/// A publisher's site for the link check: real Kestrel on 127.0.0.1, a free port, HTTP or HTTPS with a
/// self-signed certificate. Each path answers as its route says, given how many times it was asked before;
/// every request is recorded (method, path, headers, when) so tests can count what reached the server.
/// Unknown paths answer 404.
/// </summary>
internal sealed class LinkServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>What one request looked like on arrival; <paramref name="Timestamp"/> is from <see cref="Stopwatch"/>.</summary>
    internal sealed record Request(string Method, string Path, long Timestamp, IReadOnlyDictionary<string, string> Headers);

    /// <summary>Answers a request; <c>n</c> counts earlier requests to the same path (0 for the first).</summary>
    internal delegate Task Route(HttpContext context, int n);

    private LinkServer(WebApplication app) => _app = app;

    /// <summary>http(s)://127.0.0.1:port/</summary>
    public Uri Root { get; private set; } = null!;

    public int Port => Root.Port;

    public static async Task<LinkServer> StartAsync(IReadOnlyDictionary<string, Route> routes, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var server = new LinkServer(app);
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            server._requests.Enqueue(new Request(context.Request.Method, path, Stopwatch.GetTimestamp(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            var n = server._counts.AddOrUpdate(path, 0, (_, count) => count + 1);
            if (routes.TryGetValue(path, out var route))
            {
                await route(context, n);
            }
            else
            {
                context.Response.StatusCode = 404;
            }
        });
        await app.StartAsync();
        server.Root = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return server;
    }

    public string Url(string path) => new Uri(Root, path).AbsoluteUri;

    public IReadOnlyList<Request> Requests => [.. _requests];

    public IReadOnlyList<Request> RequestsTo(string path) => [.. _requests.Where(r => r.Path == path)];

    public static Route Status(int status) => (context, _) =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };

    public static Route Redirect(int status, string location) => (context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    };

    /// <summary>A certificate for localhost and 127.0.0.1 that no authority signed.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so that the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
