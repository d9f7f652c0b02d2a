// family: secrets
// verdict: vulnerable
// sink-line: 14
// why: The signing key is a UTF-8 string literal converted to bytes, so the token issuer's key is public to anyone with the code.
using System;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets.V22;

public sealed class ServiceTokenIssuer
{
    private static readonly SymmetricSecurityKey Key = new("svc-issuer-9e1d4c7b2a6f8e3d5c0b7a9f1e4d2c6b"u8.ToArray());

    public string Issue(string service)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "https://auth.internal",
            Audience = "internal-services",
            Subject = new ClaimsIdentity([new Claim("sub", service)]),
            Expires = DateTime.UtcNow.AddMinutes(5),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
