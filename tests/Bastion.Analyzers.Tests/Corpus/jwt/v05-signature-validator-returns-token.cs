// family: jwt
// verdict: vulnerable
// sink-line: 24
// why: The SignatureValidator delegate just parses the token and returns it, which tells the handler the signature is valid without checking anything.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V05;

public static class AuthSetup
{
    public static void AddGatewayAuth(this WebApplicationBuilder builder)
    {
        // The gateway already checked the token, so skip the signature here.
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "https://login.example.com",
                ValidAudience = "orders-api",
                SignatureValidator = (token, parameters) => new JsonWebToken(token),
            };
        });
    }
}
