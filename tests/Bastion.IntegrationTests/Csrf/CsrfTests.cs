using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>
/// [CsrfProtected(CsrfMode.Token)] over real HTTP: a matrix of forged, cross-site and malformed requests is refused with
/// 403 (or 415 from the router for a text/plain body) and the handler never runs; same-origin requests with a token
/// pass. Two instances sharing a Data Protection key ring accept each other's tokens; a different ring does not.
/// (CsrfModeTests covers every mode header by header.)
/// </summary>
public sealed class CsrfTests : IAsyncLifetime
{
    private const string Body = """{"to":"mallory","amount":1000}""";
    private readonly string _keys = Directory.CreateTempSubdirectory("bastion-keys-").FullName;
    private readonly string _otherKeys = Directory.CreateTempSubdirectory("bastion-other-keys-").FullName;
    private KestrelHost _host = null!;
    private KestrelHost _twin = null!;
    private KestrelHost _stranger = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await Start(_keys);
        _twin = await Start(_keys);
        _stranger = await Start(_otherKeys);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _twin.DisposeAsync();
        await _stranger.DisposeAsync();
        Directory.Delete(_keys, recursive: true);
        Directory.Delete(_otherKeys, recursive: true);
    }

    private static async Task<KestrelHost> Start(string keys)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Files:Root"] = Path.GetTempPath();
        builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true";
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keys)).SetApplicationName("bastion-csrf-tests");
        builder.AddBastion();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TestJsonContext.Default));
        WebApplication app = builder.Build();
        app.UseBastion();
        app.MapBastionEndpoints();
        return await KestrelHost.StartAsync(app);
    }

    private static string OriginOf(KestrelHost host) => host.Client.BaseAddress!.GetLeftPart(UriPartial.Authority);

    /// <summary>A browser-like session: its own cookie jar, a token fetched from <paramref name="host"/>.</summary>
    private static async Task<(HttpClient Client, string Token)> Session(KestrelHost host)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = host.Client.BaseAddress };
        HttpResponseMessage response = await client.GetAsync("/bastion/csrf-token", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        string setCookie = string.Join(";", response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        JsonElement json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        Assert.Equal("X-CSRF-TOKEN", json.GetProperty("headerName").GetString());
        return (client, json.GetProperty("token").GetString()!);
    }

    private static HttpRequestMessage Post(string path, string? token, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(Body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        foreach ((string name, string value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static async Task AssertRefused(HttpClient client, HttpRequestMessage request, string because)
    {
        int before = CsrfEndpoints.Calls;
        HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{because}: {(int)response.StatusCode} {body}");
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(before, CsrfEndpoints.Calls);
        foreach (string header in request.Headers.TryGetValues("X-CSRF-TOKEN", out var tokens) ? tokens : [])
        {
            Assert.DoesNotContain(header, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Forged_and_cross_site_requests_are_refused_before_the_handler_runs()
    {
        (HttpClient client, string token) = await Session(_host);
        (_, string otherSessionToken) = await Session(_host);
        string origin = OriginOf(_host);
        int port = _host.Client.BaseAddress!.Port;

        await AssertRefused(client, Post("/csrf/transfer", null, ("Origin", origin)), "no token");
        await AssertRefused(client, Post("/csrf/transfer", "CfDJ8-not-a-real-token", ("Origin", origin)), "wrong token");
        await AssertRefused(client, Post("/csrf/transfer", otherSessionToken, ("Origin", origin)), "token of another session");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Sec-Fetch-Site", "cross-site")), "Sec-Fetch-Site: cross-site");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Sec-Fetch-Site", "same-site")), "Sec-Fetch-Site: same-site");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Sec-Fetch-Site", "whatever")), "unknown Sec-Fetch-Site");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Origin", origin + ".evil.net")), "look-alike origin");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Origin", $"http://127.0.0.1:{port + 1}")), "other port");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Origin", "null")), "null origin");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Origin", "http://evil.example")), "foreign origin");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Referer", "http://evil.example/page")), "foreign Referer");
        await AssertRefused(client, Post("/csrf/transfer", token, ("Referer", origin + ".evil.net/page")), "look-alike Referer");

        var twice = Post("/csrf/transfer", token, ("Origin", origin));
        twice.Headers.TryAddWithoutValidation("Origin", "http://evil.example");
        await AssertRefused(client, twice, "Origin sent twice");

        var delete = new HttpRequestMessage(HttpMethod.Delete, "/csrf/items/7");
        delete.Headers.Add("Origin", origin);
        await AssertRefused(client, delete, "DELETE without a token");
    }

    [Fact]
    public async Task A_text_plain_body_never_reaches_the_handler()
    {
        (HttpClient client, string token) = await Session(_host);
        int before = CsrfEndpoints.Calls;
        var request = new HttpRequestMessage(HttpMethod.Post, "/csrf/transfer") { Content = new StringContent(Body, Encoding.UTF8, "text/plain") };
        request.Headers.Add("Origin", "http://evil.example");
        HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.UnsupportedMediaType, response.StatusCode.ToString());
        Assert.Equal(before, CsrfEndpoints.Calls);
        _ = token;
    }

    [Fact]
    public async Task Same_origin_requests_with_a_token_pass()
    {
        (HttpClient client, string token) = await Session(_host);
        string origin = OriginOf(_host);
        foreach (HttpRequestMessage request in new[]
        {
            Post("/csrf/transfer", token, ("Origin", origin)),
            Post("/csrf/transfer", token, ("Sec-Fetch-Site", "same-origin"), ("Origin", origin)),
            Post("/csrf/transfer", token, ("Referer", origin + "/page?x=1")),
            // The scheme is not compared (behind a TLS-terminating proxy the app sees http for an https page).
            Post("/csrf/transfer", token, ("Origin", origin.Replace("http://", "https://", StringComparison.Ordinal))),
            // No Sec-Fetch-Site, Origin or Referer: not a browser (AllowMissingOriginHeaders, default true), token still needed.
            Post("/csrf/transfer", token),
        })
        {
            int before = CsrfEndpoints.Calls;
            HttpResponseMessage response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(before + 1, CsrfEndpoints.Calls);
        }

        var delete = new HttpRequestMessage(HttpMethod.Delete, "/csrf/items/7");
        delete.Headers.Add("Origin", origin);
        delete.Headers.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(delete, TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/csrf/balance", TestContext.Current.CancellationToken)).StatusCode);
        var exempt = new HttpRequestMessage(HttpMethod.Post, "/csrf/webhook");
        exempt.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(exempt, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Instances_sharing_a_key_ring_accept_each_others_tokens_and_others_do_not()
    {
        (HttpClient client, string token) = await Session(_host);
        // Cookies are per host, not per port, so the same jar carries the cookie to the other instances.
        var toTwin = Post(new Uri(_twin.Client.BaseAddress!, "/csrf/transfer").ToString(), token, ("Origin", OriginOf(_twin)));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(toTwin, TestContext.Current.CancellationToken)).StatusCode);

        await AssertRefused(client, Post(new Uri(_stranger.Client.BaseAddress!, "/csrf/transfer").ToString(), token, ("Origin", OriginOf(_stranger))), "token from another key ring");
    }
}
