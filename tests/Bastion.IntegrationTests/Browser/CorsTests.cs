using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace Bastion.IntegrationTests.Browser;

/// <summary>
/// The CORS matrix over real HTTP: allowed, disallowed, null and look-alike origins, preflights with methods and
/// headers outside the lists, credentials; every response checked header by header.
/// </summary>
public sealed class CorsTests : IAsyncLifetime
{
    private KestrelHost _host = null!;

    public async ValueTask InitializeAsync()
        => _host = await KestrelHost.StartTestApiAsync(System.IO.Path.GetTempPath(), builder => builder.Configuration["Bastion:Cors:Policies:default:Origins:0"] = "https://app.example.com");

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        foreach ((string name, string value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;

    private static void AssertNoCorsGrant(HttpResponseMessage response)
    {
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
        Assert.Null(Header(response, "Access-Control-Allow-Headers"));
        Assert.Null(Header(response, "Access-Control-Expose-Headers"));
    }

    private static void AssertVaryOrigin(HttpResponseMessage response)
        => Assert.Equal(["Origin"], response.Headers.Vary.Where(v => v.Equals("Origin", StringComparison.OrdinalIgnoreCase)));

    [Theory]
    [InlineData("https://partner.example")]
    [InlineData("https://second.example")]
    public async Task An_allowed_origin_gets_exactly_its_origin_credentials_and_the_exposed_headers(string origin)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/cors/partner-data", origin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(origin, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("X-Total-Count", Header(response, "Access-Control-Expose-Headers"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
        AssertVaryOrigin(response);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("https://partner.example.evil.net")]
    [InlineData("https://evilpartner.example")]
    [InlineData("https://partner.example:444")]
    [InlineData("https://partner.example:443")]
    [InlineData("http://partner.example")]
    [InlineData("HTTPS://PARTNER.EXAMPLE")]
    [InlineData("https://partner.example/")]
    [InlineData("https://partner.example, https://evil.example")]
    [InlineData("*")]
    [InlineData("")]
    public async Task Any_other_origin_gets_no_cors_header_at_all(string origin)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/cors/partner-data", origin);
        // CORS is not access control: the response is served, the browser just may not show it to the page.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoCorsGrant(response);
        AssertVaryOrigin(response);
    }

    [Fact]
    public async Task A_preflight_lists_only_the_configured_methods_and_headers()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Options, "/cors/partner-data", "https://partner.example",
            ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "content-type,x-csrf-token"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://partner.example", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("true", Header(response, "Access-Control-Allow-Credentials"));
        Assert.Equal("GET,PUT", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("Content-Type,X-CSRF-TOKEN", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("300", Header(response, "Access-Control-Max-Age"));
        AssertVaryOrigin(response);
    }

    [Theory]
    [InlineData("content-type,authorization", "authorization")]
    [InlineData("x-evil", "x-evil")]
    [InlineData("*", "*")]
    public async Task A_preflight_asking_for_other_headers_gets_the_configured_list_not_an_echo(string requested, string extra)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Options, "/cors/partner-data", "https://partner.example",
            ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", requested));
        // The answer is the configured list; the browser compares and refuses to send the real request.
        Assert.Equal("Content-Type,X-CSRF-TOKEN", Header(response, "Access-Control-Allow-Headers"));
        Assert.DoesNotContain(extra, Header(response, "Access-Control-Allow-Headers")!.Split(','), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("GET,PUT", Header(response, "Access-Control-Allow-Methods"));
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("TRACE")]
    public async Task A_preflight_asking_for_another_method_is_never_granted_it(string method)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Options, "/cors/partner-data", "https://partner.example",
            ("Access-Control-Request-Method", method), ("Access-Control-Request-Headers", "content-type"));
        string? methods = Header(response, "Access-Control-Allow-Methods");
        Assert.True(methods is null || !methods.Split(',').Contains(method, StringComparer.OrdinalIgnoreCase), methods);
        Assert.NotEqual("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("null")]
    [InlineData("https://partner.example.evil.net")]
    public async Task A_preflight_from_another_origin_grants_nothing(string origin)
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Options, "/cors/partner-data", origin,
            ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "content-type"));
        AssertNoCorsGrant(response);
        Assert.Null(Header(response, "Access-Control-Max-Age"));
    }

    [Fact]
    public async Task A_public_policy_answers_star_and_never_credentials()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/cors/public", "https://anyone.example", ("Cookie", "session=1"));
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
        AssertVaryOrigin(response);
    }

    [Fact]
    public async Task The_configured_default_policy_covers_endpoints_without_a_named_one()
    {
        using HttpResponseMessage allowed = await SendAsync(HttpMethod.Get, "/cors/plain", "https://app.example.com");
        Assert.Equal("https://app.example.com", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(allowed, "Access-Control-Allow-Credentials"));
        using HttpResponseMessage partner = await SendAsync(HttpMethod.Get, "/cors/plain", "https://partner.example");
        AssertNoCorsGrant(partner);
        // And a named policy does not leak the default's origins.
        using HttpResponseMessage crossed = await SendAsync(HttpMethod.Get, "/cors/partner-data", "https://app.example.com");
        AssertNoCorsGrant(crossed);
    }

    [Fact]
    public async Task Responses_without_an_Origin_still_vary_by_origin_for_caches()
    {
        using HttpResponseMessage response = await SendAsync(HttpMethod.Get, "/cors/partner-data", null);
        AssertNoCorsGrant(response);
        AssertVaryOrigin(response);
    }

    [Fact]
    public async Task An_endpoint_header_override_applies_to_its_successes_and_its_errors_only()
    {
        foreach (string path in new[] { "/cors/framable/3", "/cors/framable/99" })
        {
            using HttpResponseMessage response = await SendAsync(HttpMethod.Get, path, null);
            Assert.Equal("default-src 'self'; object-src 'none'; frame-ancestors https://partner.example", Header(response, "Content-Security-Policy"));
            Assert.Null(Header(response, "X-Frame-Options"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        }

        using HttpResponseMessage other = await SendAsync(HttpMethod.Get, "/cors/plain", null);
        Assert.Equal(Headers.SecurityHeaderDefaults.ContentSecurityPolicy, Header(other, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(other, "X-Frame-Options"));
    }
}
