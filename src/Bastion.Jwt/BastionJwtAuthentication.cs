using System;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Bastion.Jwt;

/// <summary>ASP.NET Core authentication with Bastion's tokens: <c>Authorization: Bearer</c> only (never a query string or cookie).</summary>
public sealed class BastionJwtHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, JwtTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Bastion.Jwt";

    private static readonly object KeysUnavailable = new();

    /// <inheritdoc/>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items.ContainsKey(KeysUnavailable))
        {
            await Bastion.Endpoints.BastionProblems.ServiceUnavailable(Context, "The keys that verify tokens cannot be read right now; retry shortly.", retryAfterSeconds: 5)
                .ExecuteAsync(Context).ConfigureAwait(false);
            return;
        }

        await base.HandleChallengeAsync(properties).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        TokenValidationResult result = await tokens.ValidateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        if (result.Exception is JwtKeysUnavailableException)
        {
            // Fail closed, but say it is not the token's fault: the challenge answers 503, not 401.
            Context.Items[KeysUnavailable] = true;
        }

        if (!result.IsValid)
        {
            // The reason is logged by name only; the token itself is never logged.
            return AuthenticateResult.Fail("The bearer token is not valid (" + (result.Exception?.GetType().Name ?? "rejected") + ").");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(result.ClaimsIdentity), SchemeName));
    }
}

/// <summary>Registration of Bastion's JWT issuing and validation.</summary>
public static class BastionJwtExtensions
{
    /// <summary>
    /// Adds <see cref="JwtTokens"/> (key ring from <c>Bastion:Jwt</c>, checked now: a bad ring stops the app with the
    /// key at fault) and the <see cref="BastionJwtHandler.SchemeName"/> authentication scheme as the default.
    /// </summary>
    public static IHostApplicationBuilder AddBastionJwt(this IHostApplicationBuilder builder, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        Microsoft.Extensions.Configuration.IConfigurationSection section = builder.Configuration.GetSection("Bastion:Jwt");
        bool development = builder.Environment.IsDevelopment();
        string root = builder.Environment.ContentRootPath;
        JwtKeyRing.FromConfiguration(section, development, root); // fail now, at start-up, naming the key at fault
        builder.Services.AddSingleton(provider => new JwtTokens(section, development, root, provider.GetRequiredService<ILogger<JwtTokens>>(), time));
        builder.Services.AddAuthentication(BastionJwtHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, BastionJwtHandler>(BastionJwtHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }
}
