// family: jwt
// verdict: vulnerable
// sink-line: 20
// why: The shared helper that builds validation parameters for every scheme turns lifetime validation off, so no token ever expires.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V22;

internal static class TokenParameters
{
    public static TokenValidationParameters For(IConfiguration jwt) => new()
    {
        ValidIssuer = jwt["Issuer"],
        ValidAudience = jwt["Audience"],
        IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(jwt["Key"]!)),
        ValidateLifetime = false,
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
