using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>
/// Sends one HTTP/1.1 request over a raw socket with exactly the header lines given, in order (HttpClient folds a
/// header added twice into one comma-separated line; here two lines stay two lines), and reads the whole response.
/// </summary>
public static class CsrfWire
{
    public sealed record Response(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body, string Sent)
    {
        public string? Header(string name)
        {
            string[] values = Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();
            return values.Length == 0 ? null : string.Join(", ", values);
        }

        public override string ToString() => $"{Status} {Header("Content-Type")} {Body}";
    }

    public static async Task<Response> SendAsync(Uri server, string method, string path, IEnumerable<KeyValuePair<string, string>> headers,
        string? contentType, string? body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(headers);
        byte[] content = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Host: {server.Host}:{server.Port}\r\n");
        foreach ((string name, string value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (contentType is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        if (body is not null || method is not ("GET" or "HEAD" or "OPTIONS" or "TRACE"))
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {content.Length}\r\n");
        }

        head.Append("Connection: close\r\n\r\n");

        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        await using NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(content, cancellationToken);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, timeout.Token);
        byte[] bytes = received.ToArray();

        int end = IndexOf(bytes, "\r\n\r\n"u8);
        string responseHead = Encoding.Latin1.GetString(bytes, 0, end < 0 ? bytes.Length : end);
        string[] lines = responseHead.Split("\r\n");
        int status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var responseHeaders = lines.Skip(1).Where(l => l.Contains(':', StringComparison.Ordinal))
            .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();
        byte[] rawBody = end < 0 ? [] : bytes[(end + 4)..];
        bool chunked = responseHeaders.Any(h => string.Equals(h.Key, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                                                && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        string responseBody = Encoding.UTF8.GetString(chunked ? Dechunk(rawBody) : rawBody);
        return new Response(status, responseHeaders, responseBody, head.ToString());
    }

    private static byte[] Dechunk(byte[] raw)
    {
        using var output = new MemoryStream();
        int position = 0;
        while (position < raw.Length)
        {
            int lineEnd = IndexOf(raw.AsSpan(position), "\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            string sizeText = Encoding.Latin1.GetString(raw, position, lineEnd).Split(';')[0].Trim();
            int size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position += lineEnd + 2;
            if (size == 0)
            {
                break;
            }

            output.Write(raw, position, Math.Min(size, raw.Length - position));
            position += size + 2;
        }

        return output.ToArray();
    }

    private static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);
}
