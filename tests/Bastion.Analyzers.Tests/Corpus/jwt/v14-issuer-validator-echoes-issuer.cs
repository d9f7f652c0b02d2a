// family: jwt
// verdict: vulnerable
// sink-line: 19
// why: The IssuerValidator returns whatever issuer the token names, so with the shared `organizations` keys any Entra ID tenant's tokens are accepted.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.V14;

public static class AuthSetup
{
    public static void AddSaasAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.microsoftonline.com/organizations/v2.0";
            o.Audience = "api://saas-api";
            o.TokenValidationParameters.IssuerValidator = (issuer, token, parameters) => issuer;
        });
    }
}
