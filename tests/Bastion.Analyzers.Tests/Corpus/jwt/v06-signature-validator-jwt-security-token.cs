// family: jwt
// verdict: vulnerable
// sink-line: 22
// why: The SignatureValidator returns a JwtSecurityToken parsed from the raw string, so unsigned or forged tokens pass as signed.
using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V06;

public static class AuthSetup
{
    private static SecurityToken AcceptAny(string token, TokenValidationParameters parameters) => new JwtSecurityToken(token);

    public static IServiceCollection AddLegacyJwt(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters.ValidIssuer = "https://legacy-sso.example.com";
            o.TokenValidationParameters.ValidAudience = "legacy-portal";
            o.TokenValidationParameters.SignatureValidator = AcceptAny;
        });
        return services;
    }
}
