// family: jwt
// verdict: safe
// why: The custom IssuerValidator accepts a token only when its tid claim is a subscribed tenant and the issuer is exactly that tenant's issuer; otherwise it throws.
using System.Collections.Generic;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S09;

public static class AuthSetup
{
    public static void AddSaasAuth(this IServiceCollection services, IReadOnlySet<string> subscribedTenants)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.microsoftonline.com/organizations/v2.0";
            o.Audience = "api://saas-api";
            o.TokenValidationParameters.IssuerValidator = (issuer, token, parameters) =>
            {
                string tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue("tid", out string tid) ? tid : "";
                if (subscribedTenants.Contains(tenant) && issuer == $"https://login.microsoftonline.com/{tenant}/v2.0")
                {
                    return issuer;
                }

                throw new SecurityTokenInvalidIssuerException("Tenant is not subscribed.");
            };
        });
    }
}
