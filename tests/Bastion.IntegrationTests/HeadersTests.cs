using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>The security headers on real responses: pages, API results, errors, and what an endpoint sets itself.</summary>
public sealed class HeadersTests
{
    private static async Task<KestrelHost> Start(bool https, string? csp = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        if (csp is not null)
        {
            builder.Configuration["Bastion:Headers:ContentSecurityPolicy"] = csp;
        }

        builder.AddBastion();
        WebApplication app = builder.Build();
        if (https)
        {
            // Stands in for TLS termination (a forwarded-headers middleware would do this behind a proxy).
            app.Use((context, next) => { context.Request.Scheme = "https"; return next(context); });
        }

        app.UseBastion();
        app.MapGet("/plain", () => "hello");
        app.MapGet("/framed", (HttpContext context) =>
        {
            context.Response.Headers["Content-Security-Policy"] = "frame-ancestors https://partner.example";
            return "embeddable";
        });
        return await KestrelHost.StartAsync(app);
    }

    private static string Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : "(missing)";

    [Theory]
    [InlineData("/plain")]
    [InlineData("/missing")]
    public async Task Every_response_carries_the_headers_and_no_hsts_over_http(string path)
    {
        await using KestrelHost host = await Start(https: false);
        HttpResponseMessage response = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("0", Header(response, "X-XSS-Protection"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("(missing)", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Hsts_is_sent_on_https_only_and_an_endpoints_own_header_is_kept()
    {
        await using KestrelHost host = await Start(https: true, csp: "default-src 'self'; object-src 'none'; frame-ancestors 'self'");
        HttpResponseMessage plain = await host.Client.GetAsync("/plain", TestContext.Current.CancellationToken);
        Assert.Equal("max-age=63072000; includeSubDomains", Header(plain, "Strict-Transport-Security"));
        Assert.Equal("default-src 'self'; object-src 'none'; frame-ancestors 'self'", Header(plain, "Content-Security-Policy"));

        HttpResponseMessage framed = await host.Client.GetAsync("/framed", TestContext.Current.CancellationToken);
        Assert.Equal("frame-ancestors https://partner.example", Header(framed, "Content-Security-Policy"));
    }
}
