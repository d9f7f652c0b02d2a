// family: jwt
// verdict: safe
// why: The service only issues tokens, signing them with a key loaded from configuration, with issuer, audience and a short expiry.
using System;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S12;

public sealed class ServiceTokenIssuer(IConfiguration configuration)
{
    public string Issue(string service)
    {
        var key = new SymmetricSecurityKey(Convert.FromBase64String(configuration["ServiceTokens:Key"]!)) { KeyId = configuration["ServiceTokens:Kid"] };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://auth.internal",
            Audience = "internal-services",
            Subject = new ClaimsIdentity([new Claim("sub", service)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
