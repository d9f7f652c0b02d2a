// family: jwt
// verdict: vulnerable
// sink-line: 22
// why: The LifetimeValidator delegate returns true for any dates, so expired and not-yet-valid tokens are accepted.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V13;

public static class AuthSetup
{
    public static void AddAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.Authority = builder.Configuration["Auth:Authority"];
            options.Audience = "inventory-api";
            options.TokenValidationParameters = new TokenValidationParameters
            {
                LifetimeValidator = (notBefore, expires, token, parameters) => true,
            };
        });
    }
}
