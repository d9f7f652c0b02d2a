// family: secrets
// verdict: safe
// why: The literals are the public issuer, audience and algorithm names; the signing key itself comes from a configured secret.
using System;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets.S10;

public static class AuthSetup
{
    public static void AddAuth(this WebApplicationBuilder builder)
    {
        byte[] keyBytes = Convert.FromBase64String(builder.Configuration.GetRequiredSection("Jwt")["SigningKey"]!);
        builder.Services.AddAuthentication().AddJwtBearer(o => o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = "https://login.example.com",
            ValidAudience = "orders-api",
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = new SymmetricSecurityKey(keyBytes),
            NameClaimType = "name",
        });
    }
}
