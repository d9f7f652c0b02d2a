// family: jwt
// verdict: safe
// why: The shared helper builds parameters with every validation on and the key from configuration, and each scheme uses it.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S20;

internal static class TokenParameters
{
    public static TokenValidationParameters For(IConfiguration jwt) => new()
    {
        ValidIssuer = jwt["Issuer"],
        ValidAudience = jwt["Audience"],
        IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(jwt["Key"]!)),
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.FromMinutes(1),
    };
}

public static class AuthSetup
{
    public static void AddJwt(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o => o.TokenValidationParameters = TokenParameters.For(configuration.GetSection("Jwt")));
    }
}
