// family: jwt
// verdict: vulnerable
// sink-line: 19
// why: ClockSkew = TimeSpan.MaxValue disables every expiry and not-before check in practice.
using System;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V23;

public static class PartnerTokenParameters
{
    public static TokenValidationParameters Create(SecurityKey partnerKey)
    {
        return new TokenValidationParameters
        {
            ValidIssuer = "https://partner.example.net",
            ValidAudience = "partner-api",
            IssuerSigningKey = partnerKey,
            ClockSkew = TimeSpan.MaxValue,
        };
    }
}
