// family: jwt
// verdict: safe
// why: Issuer validation is explicitly on with a fixed list of the two tenants the API serves, so tokens from other tenants are refused.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Jwt.S08;

public static class AuthSetup
{
    public static void AddTwoTenantAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.Authority = "https://login.microsoftonline.com/organizations/v2.0";
            o.Audience = "api://saas-api";
            o.TokenValidationParameters.ValidateIssuer = true;
            o.TokenValidationParameters.ValidIssuers =
            [
                "https://login.microsoftonline.com/6f1c2f4e-1b7a-4d8e-9c3a-2b5d7e9f0a1c/v2.0",
                "https://login.microsoftonline.com/0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b/v2.0",
            ];
        });
    }
}
