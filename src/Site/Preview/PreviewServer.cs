using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Site.Preview;

/// <summary>
/// <c>site serve</c>: Kestrel on loopback, serving the in-memory site, with a Server-Sent Events stream
/// that tells open pages to reload after each good build or to show the errors of a bad one.
/// Only GET and HEAD, only Host names of this machine (DNS rebinding cannot read the site).
/// </summary>
internal sealed class PreviewServer
{
    private const string EventsPath = "/__site/events";
    private const string ScriptPath = "/__site/live.js";

    private readonly PreviewSite _site;
    private readonly ServeOptions _options;
    private readonly List<Channel<string>> _listeners = [];
    private readonly Lock _listenersLock = new();
    private readonly string _script;
    private int _port;

    public PreviewServer(ServeOptions options, TextWriter log)
    {
        _options = options;
        // The preview is where an embargoed article is read before its date, so it shows future-dated ones.
        _site = new PreviewSite(options.Build with { Future = true }, log);
        _site.Changed += Broadcast;
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("live.js")!;
        _script = new StreamReader(stream).ReadToEnd();
    }

    public PreviewSite Site => _site;

    /// <summary>The URLs the server listens on, once started.</summary>
    public IReadOnlyList<string> Urls { get; private set; } = [];

    /// <summary>Builds the site, starts listening, and serves until <paramref name="stop"/>.</summary>
    public async Task RunAsync(TextWriter stdout, CancellationToken stop, Action<PreviewServer>? started = null)
    {
        _site.Rebuild();
        var addresses = _options.Host is { } host ? [host] : LoopbackAddresses();
        _port = _options.Port == 0 ? FreePort(addresses) : _options.Port;

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            foreach (var address in addresses)
            {
                kestrel.Listen(address, _port);
            }
        });
        await using var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(stop);
        // The host's console lifetime takes SIGTERM and SIGINT for itself and only signals this token:
        // without it, the server went on serving after a process manager's `kill`.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop, app.Lifetime.ApplicationStopping);
        stop = stopping.Token;

        Urls = [.. addresses.Select(a => $"http://{(a.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString())}:{_port}/")];
        stdout.WriteLine($"Serving {string.Join(" and ", Urls)} (press Ctrl+C to stop)");
        if (_options.Host is { } exposed && !IPAddress.IsLoopback(exposed))
        {
            stdout.WriteLine($"warning: --host {exposed} makes the preview reachable from other machines on the network");
        }
        using var watcher = new ChangeWatcher(_options.Build.ContentDir, _options.Build.TemplatesDir);
        started?.Invoke(this);
        try
        {
            await watcher.RunAsync(() => _site.Rebuild(), stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C: the normal way to stop.
        }
        lock (_listenersLock)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryComplete();
            }
        }
        await app.StopAsync(CancellationToken.None);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers.CacheControl = "no-store";
        if (!IsAllowedHost(request.Host))
        {
            await Plain(response, StatusCodes.Status403Forbidden, "This preview server answers only to localhost, 127.0.0.1 and [::1].");
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await Plain(response, StatusCodes.Status405MethodNotAllowed, "Only GET and HEAD are allowed.");
            return;
        }
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        switch (request.Path.Value)
        {
            case EventsPath:
                await StreamEventsAsync(context);
                return;
            case ScriptPath:
                response.ContentType = "text/javascript; charset=utf-8";
                var script = _script.Replace("__SITE_VERSION__", _site.State.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                await Send(response, HttpMethods.IsHead(request.Method), Encoding.UTF8.GetBytes(script));
                return;
        }
        if (RequestPath.ToKey(raw) is not { } key)
        {
            await Plain(response, StatusCodes.Status400BadRequest, "Bad request path.");
            return;
        }
        var files = _site.State.Files;
        if (files.TryGetValue(key, out var body))
        {
            response.ContentType = ContentTypes.For(key);
            await Send(response, HttpMethods.IsHead(request.Method), body);
        }
        else if (files.ContainsKey(key + "/index.html"))
        {
            // Same-origin, relative: a folder's page lives at its slash-terminated address.
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = request.PathBase + request.Path + "/" + request.QueryString;
        }
        else
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/html; charset=utf-8";
            var notFound = files.TryGetValue("404.html", out var page) ? page : Encoding.UTF8.GetBytes("<!doctype html><title>Not found</title><h1>Not found</h1>\n" + PreviewSite.ReloadScript);
            await Send(response, HttpMethods.IsHead(request.Method), notFound);
        }
    }

    private async Task StreamEventsAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        var channel = Channel.CreateUnbounded<string>();
        lock (_listenersLock)
        {
            _listeners.Add(channel);
        }
        try
        {
            await response.WriteAsync("retry: 300\n\n" + Event(_site.State), context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            await foreach (var message in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await response.WriteAsync(message, context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            lock (_listenersLock)
            {
                _listeners.Remove(channel);
            }
        }
    }

    private void Broadcast(PreviewState state)
    {
        var message = Event(state);
        lock (_listenersLock)
        {
            foreach (var listener in _listeners)
            {
                listener.Writer.TryWrite(message);
            }
        }
    }

    private static string Event(PreviewState state) => $"event: state\ndata: {state.ToJson()}\n\n";

    private bool IsAllowedHost(HostString host)
    {
        if (!host.HasValue || host.Port is { } port && port != _port)
        {
            return false;
        }
        var name = host.Host.Trim('[', ']');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!IPAddress.TryParse(name, out var address))
        {
            // A domain name other than localhost is what a DNS-rebinding page would send.
            return false;
        }
        return IPAddress.IsLoopback(address) || _options.Host is { } named && (named.Equals(address) || named.Equals(IPAddress.Any) || named.Equals(IPAddress.IPv6Any));
    }

    private static async Task Send(HttpResponse response, bool headOnly, byte[] body)
    {
        response.ContentLength = body.Length;
        if (!headOnly)
        {
            await response.Body.WriteAsync(body);
        }
    }

    private static Task Plain(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text + "\n");
    }

    private static List<IPAddress> LoopbackAddresses()
    {
        var addresses = new List<IPAddress> { IPAddress.Loopback };
        if (Socket.OSSupportsIPv6)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
                probe.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
                addresses.Add(IPAddress.IPv6Loopback);
            }
            catch (SocketException)
            {
                // No ::1 on this machine; IPv4 loopback alone.
            }
        }
        return addresses;
    }

    /// <summary>A port free on every address we listen on (the OS picks; we check the others).</summary>
    private static int FreePort(IReadOnlyList<IPAddress> addresses)
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = new TcpListener(addresses[0], 0);
            first.Start();
            var port = ((IPEndPoint)first.LocalEndpoint).Port;
            try
            {
                foreach (var other in addresses.Skip(1))
                {
                    var probe = new TcpListener(other, port);
                    probe.Start();
                    probe.Stop();
                }
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
            }
            finally
            {
                first.Stop();
            }
        }
    }
}
