using System;
using System.IO;
using System.Threading.Tasks;
using Bastion.IntegrationTests.Browser;
using Bastion.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Bastion.IntegrationTests.Csrf;

/// <summary>
/// A CSRF configuration that cannot work stops the app before it serves anything, naming the setting; one that works
/// but is pointless or risky is a start-up warning. Tried on the sample (tokenless, so it has no token support).
/// </summary>
public sealed class CsrfStartupTests
{
    private static WebApplication Sample(params string[] settings)
        => Samples.Api.SampleApp.Build([.. settings, "--Urls=http://127.0.0.1:0",
            "--ConnectionStrings:Comments=Data Source=" + Path.Combine(Path.GetTempPath(), "bastion-csrf-startup-" + Guid.NewGuid().ToString("N") + ".db") + ";Pooling=False;Mode=Memory",
            "--contentRoot=" + Path.Combine(RepositoryRoot.Find(), "samples", "Bastion.Samples.Api")]);

    [Theory]
    [InlineData("--Bastion:Csrf:Mode=Tokne", "Bastion:Csrf:Mode")]
    [InlineData("--Bastion:Csrf:Mode=*", "Bastion:Csrf:Mode")]
    [InlineData("--Bastion:Csrf:AllowMissingOriginHeaders=yes", "Bastion:Csrf:AllowMissingOriginHeaders")]
    [InlineData("--Bastion:Csrf:AllowSameSite=1", "Bastion:Csrf:AllowSameSite")]
    [InlineData("--Bastion:Csrf:TrustedOrigins:0=https://app.example.com/", "Bastion:Csrf:TrustedOrigins:0")]
    [InlineData("--Bastion:Csrf:TrustedOrigins:0=null", "Bastion:Csrf:TrustedOrigins:0")]
    public void A_value_that_is_not_understood_stops_the_app_naming_the_key(string setting, string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sample(setting));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Token")]
    [InlineData("hybrid")]
    public void A_configured_token_mode_in_an_app_without_token_support_stops_it_at_map_time(string mode)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sample("--Bastion:Csrf:Mode=" + mode));
        Assert.Contains("Bastion:Csrf:Mode", error.Message, StringComparison.Ordinal);
        Assert.Contains("AddBastionCsrfTokens", error.Message, StringComparison.Ordinal);
        Assert.Contains("/api/comments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sample_starts_in_the_origin_mode_when_it_is_named_explicitly()
    {
        await using WebApplication app = Sample("--Bastion:Csrf:Mode=origin");
        await app.StartAsync(TestContext.Current.CancellationToken);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_insecure_token_cookie_setting_without_token_endpoints_is_a_start_up_warning()
    {
        using var logs = new CapturedLogs();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true";
        builder.Logging.AddProvider(logs);
        // The library's AddBastion: this test assembly's generated one would register tokens for its token endpoints.
        BastionApplicationExtensions.AddBastion(builder);
        await using WebApplication app = builder.Build();
        app.UseBastion();
        Assert.True(logs.Contains("Bastion:Csrf:AllowInsecureCookie is set but no endpoint uses CSRF tokens"), string.Join("\n", logs.Lines));
    }

    [Fact]
    public async Task An_insecure_token_cookie_outside_development_is_a_start_up_warning()
    {
        using var logs = new CapturedLogs();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration["Bastion:Csrf:AllowInsecureCookie"] = "true";
        builder.Logging.AddProvider(logs);
        builder.AddBastion(); // generated: registers tokens (this assembly pins token-mode endpoints)
        await using WebApplication app = builder.Build();
        app.UseBastion();
        Assert.True(logs.Contains("Bastion:Csrf:AllowInsecureCookie is set outside Development"), string.Join("\n", logs.Lines));
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Development", false, false)]
    public async Task Token_modes_on_plain_http_outside_development_are_named_at_start_up(string environment, bool forwardedProto, bool warned)
    {
        using var logs = new CapturedLogs();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Files:Root"] = Path.GetTempPath();
        builder.Logging.AddProvider(logs);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TestJsonContext.Default));
        if (forwardedProto)
        {
            // TLS ends at a proxy in front of the app, which says so in X-Forwarded-Proto.
            builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto);
        }

        builder.AddBastion(); // generated: registers tokens (this assembly pins token-mode endpoints)
        WebApplication app = builder.Build();
        app.UseBastion();
        app.MapBastionEndpoints();
        await using KestrelHost host = await KestrelHost.StartAsync(app);
        bool logged = logs.Contains("CSRF token mode is in use but the app listens on plain HTTP only");
        Assert.True(logged == warned, string.Join("\n", logs.Lines));
        if (warned)
        {
            Assert.True(logs.Contains("Bastion:Csrf:Mode = Origin"), string.Join("\n", logs.Lines));
        }
    }

    [Theory]
    [InlineData("Development", 200)]
    [InlineData("Production", 500)]
    public async Task Token_modes_work_over_plain_http_in_development_and_name_the_setting_elsewhere(string environment, int expected)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Files:Root"] = Path.GetTempPath();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TestJsonContext.Default));
        builder.AddBastion(); // generated: this assembly pins token-mode endpoints, so tokens are registered
        WebApplication app = builder.Build();
        app.UseBastion();
        app.MapBastionEndpoints();
        await using KestrelHost host = await KestrelHost.StartAsync(app);
        using var response = await host.Client.GetAsync("/bastion/csrf-token", TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expected, $"{(int)response.StatusCode} {body}");
        if (expected == 200)
        {
            Assert.Contains("bastion-csrf=", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Bastion:Csrf:AllowInsecureCookie", body, StringComparison.Ordinal);
        }
    }
}
