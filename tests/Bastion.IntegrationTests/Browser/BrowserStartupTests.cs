using System;
using System.Net.Http;
using System.Threading.Tasks;
using Bastion.Cors;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Bastion.IntegrationTests.Browser;

/// <summary>Configured CORS and header values are checked when the app starts; bad ones stop it with their key.</summary>
public sealed class BrowserStartupTests
{
    [Theory]
    [InlineData("Bastion:Cors:Policies:default:Origins:0", "https://app.example.com/", "'Bastion:Cors:Policies:default:Origins:0'")]
    [InlineData("Bastion:Cors:Policies:api:Origins:0", "*", "'Bastion:Cors:Policies:api'")]
    public void A_bad_cors_value_stops_AddBastion_naming_the_key(string key, string value, string named)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration[key] = value;
        if (value == "*")
        {
            builder.Configuration["Bastion:Cors:Policies:api:AllowCredentials"] = "true";
        }

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddBastion());
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("default-src 'self';\nscript-src *")]
    [InlineData("default-src 'self', script-src *")]
    public async Task A_policy_that_cannot_be_sent_stops_UseBastion(string policy)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Bastion:Headers:ContentSecurityPolicy"] = policy;
        builder.AddBastion();
        await using WebApplication app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.UseBastion());
        Assert.Contains("Bastion:Headers:ContentSecurityPolicy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_naming_an_unknown_policy_stops_the_app_at_map_time()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.AddBastion();
        await using WebApplication app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => BastionCorsPolicies.RequirePolicy(app, "partnres", "GET /cors/x"));
        Assert.Contains("GET /cors/x uses the CORS policy 'partnres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Bastion:Cors:Policies:partnres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_added_with_AddCors_still_apply_to_hand_mapped_endpoints()
    {
        await using KestrelHost host = await KestrelHost.StartTestApiAsync(System.IO.Path.GetTempPath(),
            builder => Microsoft.Extensions.DependencyInjection.CorsServiceCollectionExtensions.AddCors(builder.Services,
                o => o.AddPolicy("legacy", p => p.WithOrigins("https://legacy.example"))),
            app => app.MapGet("/legacy", () => "legacy").RequireCors("legacy"));
        foreach ((string origin, string? granted) in new[] { ("https://legacy.example", (string?)"https://legacy.example"), ("https://evil.example", null) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/legacy");
            request.Headers.Add("Origin", origin);
            using HttpResponseMessage response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(granted, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null);
        }
    }

    [Fact]
    public async Task Without_UseBastion_the_cors_service_still_sends_Vary_Origin()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Bastion:Cors:Policies:default:Origins:0"] = "https://a.example";
        builder.Configuration["Bastion:Cors:Policies:default:Origins:1"] = "https://b.example";
        builder.AddBastion();
        WebApplication app = builder.Build();
        app.UseCors();
        app.MapGet("/plain", () => "plain");
        await using KestrelHost host = await KestrelHost.StartAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/plain");
        request.Headers.Add("Origin", "https://a.example");
        using HttpResponseMessage response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("https://a.example", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(["Origin"], response.Headers.Vary);
    }

    [Fact]
    public async Task A_configured_policy_replaces_the_compiled_one_of_the_same_name()
    {
        await using KestrelHost host = await KestrelHost.StartTestApiAsync(System.IO.Path.GetTempPath(),
            builder => builder.Configuration["Bastion:Cors:Policies:partners:Origins:0"] = "https://replacement.example");
        foreach ((string origin, string? granted) in new[] { ("https://partner.example", (string?)null), ("https://replacement.example", "https://replacement.example") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/cors/partner-data");
            request.Headers.Add("Origin", origin);
            using HttpResponseMessage response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(granted, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null);
        }
    }
}
