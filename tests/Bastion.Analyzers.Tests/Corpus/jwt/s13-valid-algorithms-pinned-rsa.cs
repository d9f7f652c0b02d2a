// family: jwt
// verdict: safe
// why: The RSA public key comes from configuration, only RS256 is accepted, and issuer, audience and lifetime are validated.
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S13;

public static class AuthSetup
{
    public static void AddPartnerAuth(this WebApplicationBuilder builder)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(builder.Configuration["Partner:PublicKeyPem"]);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "https://partner.example.net",
            ValidAudience = "partner-api",
            IssuerSigningKey = new RsaSecurityKey(rsa),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
    }
}
