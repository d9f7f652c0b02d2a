// family: jwt
// verdict: safe
// why: The bearer handler uses the single-tenant authority's metadata for issuer and keys and checks the API's audience, with every default validation left on.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.S02;

public static class AuthSetup
{
    public static void AddEntraAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = "https://login.microsoftonline.com/6f1c2f4e-1b7a-4d8e-9c3a-2b5d7e9f0a1c/v2.0";
            options.Audience = "api://orders-api";
            options.MapInboundClaims = false;
        });
    }
}
