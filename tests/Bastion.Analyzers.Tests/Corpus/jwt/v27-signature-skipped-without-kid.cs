// family: jwt
// verdict: vulnerable
// sink-line: 24
// why: The signature validator returns the token unchecked when the header has no `kid`, so removing the kid bypasses signature validation.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V27;

public static class AuthSetup
{
    public static void AddRotatingKeys(this IServiceCollection services, SecurityKey[] keys)
    {
        var handler = new JsonWebTokenHandler();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "https://api.example.com",
                ValidAudience = "app",
                IssuerSigningKeys = keys,
                SignatureValidator = (token, parameters) =>
                {
                    var jwt = new JsonWebToken(token);
                    if (string.IsNullOrEmpty(jwt.Kid))
                    {
                        return jwt;
                    }

                    var result = handler.ValidateTokenAsync(token, new TokenValidationParameters { IssuerSigningKeys = keys, ValidateIssuer = false, ValidateAudience = false }).GetAwaiter().GetResult();
                    return result.IsValid ? result.SecurityToken : throw new SecurityTokenInvalidSignatureException("bad signature");
                },
            };
        });
    }
}
