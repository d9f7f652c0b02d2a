using System;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace Bastion.IntegrationTests;

/// <summary>ASP.NET Core attributes on a class and its handlers, carried to the generated endpoints.</summary>
[BastionEndpoints("/authz"), Authorize]
public static partial class AuthzEndpoints
{
    [Get("/me")]
    public static Ok<string> Me(ClaimsPrincipal user) => TypedResults.Ok(user.Identity!.Name!);

    [Get("/admin"), Authorize(Roles = "admin")]
    public static Ok<string> Admin() => TypedResults.Ok("admin");

    [Get("/open"), AllowAnonymous]
    public static Ok<string> Open() => TypedResults.Ok("open");
}

/// <summary>An app's own authorization attribute, the usual way to name a policy once: it derives from [Authorize].</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AdminOnlyAttribute : AuthorizeAttribute
{
    public AdminOnlyAttribute() => Roles = "admin";
}

/// <summary>An attribute that is not [Authorize] but carries authorization data, as ASP.NET Core reads it (IAuthorizeData).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignedInAttribute : Attribute, IAuthorizeData
{
    public string? Policy { get; set; }

    public string? Roles { get; set; }

    public string? AuthenticationSchemes { get; set; }
}

/// <summary>The app's own attributes, in the app's namespace: applied like ASP.NET Core's.</summary>
[BastionEndpoints("/authz-custom")]
public static partial class CustomAuthzEndpoints
{
    [Get("/admin"), AdminOnly]
    public static Ok<string> Admin() => TypedResults.Ok("admin");

    [Get("/signed-in"), SignedIn]
    public static Ok<string> SignedIn() => TypedResults.Ok("signed in");
}

/// <summary>[Authorize], [Authorize(Roles)] and [AllowAnonymous] on Bastion endpoints behave as on any minimal-API endpoint.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private KestrelHost _host = null!;

    public async ValueTask InitializeAsync()
        => _host = await KestrelHost.StartTestApiAsync(System.IO.Path.GetTempPath(), builder =>
        {
            builder.Services.AddAuthentication(HeaderUserHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderUserHandler>(HeaderUserHandler.SchemeName, null);
            builder.Services.AddAuthorization();
        });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<HttpStatusCode> GetAsync(string path, string? user)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user);
        }

        using HttpResponseMessage response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Theory]
    [InlineData("/authz/me", null, HttpStatusCode.Unauthorized)]
    [InlineData("/authz/me", "alice", HttpStatusCode.OK)]
    [InlineData("/authz/admin", null, HttpStatusCode.Unauthorized)]
    [InlineData("/authz/admin", "alice", HttpStatusCode.Forbidden)]
    [InlineData("/authz/admin", "root:admin", HttpStatusCode.OK)]
    [InlineData("/authz/open", null, HttpStatusCode.OK)]
    [InlineData("/authz-custom/admin", null, HttpStatusCode.Unauthorized)]
    [InlineData("/authz-custom/admin", "alice", HttpStatusCode.Forbidden)]
    [InlineData("/authz-custom/admin", "root:admin", HttpStatusCode.OK)]
    [InlineData("/authz-custom/signed-in", null, HttpStatusCode.Unauthorized)]
    [InlineData("/authz-custom/signed-in", "alice", HttpStatusCode.OK)]
    public async Task Authorization_attributes_apply_to_generated_endpoints(string path, string? user, HttpStatusCode expected)
        => Assert.Equal(expected, await GetAsync(path, user));

    /// <summary>Test authentication: "X-Test-User: name[:role]".</summary>
    private sealed class HeaderUserHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestHeader";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            string? value = Request.Headers["X-Test-User"];
            if (string.IsNullOrEmpty(value))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            string[] parts = value.Split(':');
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, parts[0])], SchemeName);
            if (parts.Length > 1)
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, parts[1]));
            }

            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
        }
    }
}
