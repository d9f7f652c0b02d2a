// family: jwt
// verdict: vulnerable
// sink-line: 19
// why: With the multi-tenant `common` authority every Entra ID tenant shares the signing keys, so ValidateIssuer = false accepts tokens minted by any tenant, including an attacker's.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.V02;

public static class AuthSetup
{
    public static void AddEntraAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = "https://login.microsoftonline.com/common/v2.0";
            options.Audience = "api://orders-api";
            options.TokenValidationParameters.ValidateIssuer = false;
        });
    }
}
