using System.Net;
using System.Net.Sockets;

namespace Site.LinkHealth;

/// <summary>
/// Keeps the link check off the reader's own machine and networks (SSRF). The check happens on the
/// resolved address when the connection is made, so a public name that resolves to 127.0.0.1 (DNS
/// rebinding) and a redirect to a private address are refused as surely as a literal IP in the URL.
/// </summary>
internal static class AddressGuard
{
    // Order matters: the first range that contains an address names it (the metadata endpoint before link-local).
    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("169.254.169.254/32"), "the cloud metadata endpoint"),
        (IPNetwork.Parse("fd00:ec2::254/128"), "the cloud metadata endpoint"),
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private network address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private network address"),
        (IPNetwork.Parse("192.0.0.0/24"), "a reserved address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private network address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a reserved address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
        (IPNetwork.Parse("::/128"), "an unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("fc00::/7"), "a private network address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), "a private network address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>What kind of non-public address this is ("a loopback address"), or null for a public one.</summary>
    public static string? Describe(IPAddress address)
    {
        // An IPv4 address can hide inside an IPv6 one (::ffff:127.0.0.1, 64:ff9b::a00:1) and still reach it.
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (Nat64.Contains(address))
        {
            address = new IPAddress(address.GetAddressBytes()[12..]);
        }
        foreach (var (network, kind) in Refused)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host, drops every refused
    /// address (unless <paramref name="allowPrivate"/>), and connects to what is left.</summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connect(bool allowPrivate) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            var allowed = allowPrivate ? addresses : Array.FindAll(addresses, a => Describe(a) is null);
            if (allowed.Length == 0)
            {
                throw addresses.Length == 0
                    ? new SocketException((int)SocketError.HostNotFound)
                    : new RefusedAddressException(host, addresses[0], Describe(addresses[0])!);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}

/// <summary>A link that resolves only to addresses the check refuses to reach.</summary>
internal sealed class RefusedAddressException(string host, IPAddress address, string kind)
    : Exception(IPAddress.TryParse(host, out _) ? $"{address} is {kind}" : $"{host} resolves to {address}, {kind}")
{
    public string Host { get; } = host;

    public IPAddress Address { get; } = address;

    public string Kind { get; } = kind;
}
