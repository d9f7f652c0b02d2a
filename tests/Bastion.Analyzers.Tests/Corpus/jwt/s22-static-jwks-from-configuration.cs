// family: jwt
// verdict: safe
// why: The signing keys come from a JWKS document stored in configuration (not from the token), and issuer, audience and lifetime are validated.
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S22;

public static class AuthSetup
{
    public static void AddFederatedAuth(this WebApplicationBuilder builder)
    {
        var jwks = new JsonWebKeySet(builder.Configuration["Federation:Jwks"]);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = "https://federation.example.com",
                ValidAudience = "federated-api",
                IssuerSigningKeys = jwks.GetSigningKeys(),
                ValidateIssuerSigningKey = true,
            };
        });
    }
}
