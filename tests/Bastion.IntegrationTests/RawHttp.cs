using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.IntegrationTests;

/// <summary>
/// Sends a request line exactly as written (HttpClient and Uri would normalise "../" and some escapes
/// before sending), and returns the status code and body.
/// </summary>
public static class RawHttp
{
    public static async Task<(int Status, string Body)> GetAsync(Uri server, string rawPath, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        await using NetworkStream stream = client.GetStream();
        byte[] request = Encoding.Latin1.GetBytes($"GET {rawPath} HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        string response = await reader.ReadToEndAsync(timeout.Token);
        string statusLine = response.Split("\r\n", 2)[0];
        int status = int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        int bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (status, bodyStart < 0 ? string.Empty : response[(bodyStart + 4)..]);
    }
}
