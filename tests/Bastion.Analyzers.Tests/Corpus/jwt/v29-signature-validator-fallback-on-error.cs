// family: jwt
// verdict: vulnerable
// sink-line: 23
// why: When real validation throws, the catch block returns the parsed token anyway, so a token with a bad or missing signature is treated as valid.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V29;

public static class AuthSetup
{
    public static void AddTolerantJwt(this WebApplicationBuilder builder, SecurityKey key)
    {
        var handler = new JsonWebTokenHandler();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters.ValidIssuer = "https://api.example.com";
            o.TokenValidationParameters.ValidAudience = "app";
            o.TokenValidationParameters.SignatureValidator = (token, parameters) =>
            {
                try
                {
                    var strict = new TokenValidationParameters { IssuerSigningKey = key, ValidateIssuer = false, ValidateAudience = false };
                    var result = handler.ValidateTokenAsync(token, strict).GetAwaiter().GetResult();
                    return result.IsValid ? result.SecurityToken : throw result.Exception;
                }
                catch (Exception)
                {
                    return new JsonWebToken(token);
                }
            };
        });
    }
}
