using System.Net.Sockets;
using System.Text;

namespace Site.Tests.Preview;

/// <summary>Sends a request exactly as written, so paths reach the server without a client's normalising.</summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Response)> GetAsync(Uri server, string target, string? host = null, string method = "GET")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {host ?? server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var status = response.Length >= 12 && int.TryParse(response.AsSpan(9, 3), out var code) ? code : 0;
        return (status, response);
    }
}
