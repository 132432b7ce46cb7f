using System.Net;
using Site.Generation;

namespace Site.Preview;

/// <summary>How to serve: what to build, and where to listen.</summary>
/// <param name="Host">The address asked for with --host, or null for loopback (IPv4 and IPv6).</param>
internal sealed record ServeOptions(BuildOptions Build, int Port = 8080, IPAddress? Host = null);
