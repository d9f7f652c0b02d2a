using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Bastion.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>
/// The Kestrel limits AddBastion() sets (Bastion:Limits, docs/limits.md), over real HTTP: the server-wide body cap for
/// hand-written endpoints, a Bastion endpoint's own larger declared cap, header size and count, request line, and the
/// request-headers timeout that ends a slow-headers (slowloris) connection; a value that is not understood stops the app.
/// </summary>
public sealed class LimitsTests
{
    private static readonly string Root = Path.GetTempPath();

    private static Task<KestrelHost> StartAsync(Action<WebApplicationBuilder>? configure = null)
        => KestrelHost.StartTestApiAsync(Root, configure, app => app.MapPost("/raw", async (HttpRequest request) =>
        {
            // A hand-written endpoint: it reads whatever the server lets through.
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                total += read;
            }

            return Results.Text(total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }));

    [Fact]
    public async Task A_hand_written_endpoint_gets_the_server_wide_body_cap_and_a_problem_details_413()
    {
        await using KestrelHost host = await StartAsync();
        CancellationToken ct = TestContext.Current.CancellationToken;

        using HttpResponseMessage small = await host.Client.PostAsync("/raw", new ByteArrayContent(new byte[1000]), ct);
        Assert.Equal("1000", await small.Content.ReadAsStringAsync(ct));

        // Chunked, so no Content-Length lets the server refuse before reading: the cap holds while streaming too.
        var content = new StreamContent(new MemoryStream(new byte[BastionServerLimits.DefaultMaxRequestBodySize + 1]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/raw") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage large = await host.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal("application/problem+json", large.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bastion_endpoint_declaring_a_larger_cap_takes_a_body_over_the_server_wide_limit()
    {
        await using KestrelHost host = await StartAsync();
        CancellationToken ct = TestContext.Current.CancellationToken;
        string value = new('a', 3 * 1024 * 1024);
        using HttpResponseMessage accepted = await host.Client.PostAsync("/limits/large",
            new StringContent("{\"value\":\"" + value + "\"}", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(value.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), await accepted.Content.ReadAsStringAsync(ct));

        // ...and its own cap still holds above that.
        var tooLarge = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"value\":\"" + new string('a', 5 * 1024 * 1024) + "\"}")));
        tooLarge.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/limits/large") { Content = tooLarge };
        request.Headers.TransferEncodingChunked = true;
        using HttpResponseMessage refused = await host.Client.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("4194304", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_headers_too_many_headers_and_a_long_request_line_are_refused()
    {
        await using KestrelHost host = await StartAsync();
        CancellationToken ct = TestContext.Current.CancellationToken;

        using var big = new HttpRequestMessage(HttpMethod.Get, "/limits/ok");
        big.Headers.TryAddWithoutValidation("X-Big", new string('h', BastionServerLimits.DefaultMaxRequestHeadersTotalSize));
        using HttpResponseMessage bigResponse = await host.Client.SendAsync(big, ct);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, bigResponse.StatusCode);

        using var many = new HttpRequestMessage(HttpMethod.Get, "/limits/ok");
        for (int i = 0; i < BastionServerLimits.DefaultMaxRequestHeaderCount + 1; i++)
        {
            many.Headers.TryAddWithoutValidation("X-H" + i, "v");
        }

        using HttpResponseMessage manyResponse = await host.Client.SendAsync(many, ct);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, manyResponse.StatusCode);

        (int status, _) = await RawHttp.GetAsync(host.Client.BaseAddress!, "/limits/ok?q=" + new string('q', BastionServerLimits.DefaultMaxRequestLineSize), ct);
        Assert.Equal(414, status);

        // Within every limit: answered as usual.
        using HttpResponseMessage ok = await host.Client.GetAsync("/limits/ok", ct);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_client_that_sends_headers_too_slowly_is_disconnected_after_the_request_headers_timeout()
    {
        await using KestrelHost host = await StartAsync(b => b.Configuration["Bastion:Limits:RequestHeadersTimeout"] = "00:00:01");
        CancellationToken ct = TestContext.Current.CancellationToken;
        Uri server = host.Client.BaseAddress!;
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, ct);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /limits/ok HTTP/1.1\r\nHost: {server.Host}\r\n"), ct);

        // Trickle one header byte every 200 ms (a slowloris client) until the server gives up on us. The configured 1 s
        // must end it long before Kestrel's own 30 s default would (Kestrel checks its timeouts about once a second).
        var closed = false;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(8));
        var response = new StringBuilder();
        try
        {
            byte[] buffer = new byte[4096];
            Task<int> read = stream.ReadAsync(buffer, deadline.Token).AsTask();
            while (!deadline.IsCancellationRequested)
            {
                Task done = await Task.WhenAny(read, Task.Delay(200, deadline.Token));
                if (done == read)
                {
                    int n = await read;
                    if (n == 0)
                    {
                        closed = true;
                        break;
                    }

                    response.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    read = stream.ReadAsync(buffer, deadline.Token).AsTask();
                    continue;
                }

                await stream.WriteAsync("X"u8.ToArray(), deadline.Token);
            }
        }
        catch (IOException)
        {
            closed = true; // reset by the server
        }

        Assert.True(closed, "the connection was still open after 8 s of trickled headers; received: " + response);
        Assert.True(response.Length == 0 || response.ToString().StartsWith("HTTP/1.1 408", StringComparison.Ordinal), response.ToString());
    }

    [Fact]
    public async Task AddBastion_sets_the_documented_defaults_and_a_later_ConfigureKestrel_still_wins()
    {
        await using KestrelHost host = await StartAsync();
        var limits = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>(host.App.Services).Value.Limits;
        Assert.Equal(BastionServerLimits.DefaultMaxRequestBodySize, limits.MaxRequestBodySize);
        Assert.Equal(BastionServerLimits.DefaultMaxRequestHeadersTotalSize, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(BastionServerLimits.DefaultMaxRequestHeaderCount, limits.MaxRequestHeaderCount);
        Assert.Equal(BastionServerLimits.DefaultMaxRequestLineSize, limits.MaxRequestLineSize);
        Assert.Equal(TimeSpan.FromSeconds(10), limits.RequestHeadersTimeout);

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.AddBastion();
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 50_000_000);
        await using WebApplication app = builder.Build();
        var own = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>(app.Services).Value.Limits;
        Assert.Equal(50_000_000, own.MaxRequestBodySize);
        Assert.Equal(TimeSpan.FromSeconds(10), own.RequestHeadersTimeout);
    }

    [Theory]
    [InlineData("MaxRequestBodySize", "1MB")]
    [InlineData("MaxRequestHeaderCount", "0")]
    [InlineData("RequestHeadersTimeout", "ten seconds")]
    public async Task A_limit_that_is_not_understood_stops_the_app_naming_the_key(string key, string value)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(b => b.Configuration["Bastion:Limits:" + key] = value));
        Assert.Contains("'Bastion:Limits:" + key + "'", error.Message, StringComparison.Ordinal);
    }
}
