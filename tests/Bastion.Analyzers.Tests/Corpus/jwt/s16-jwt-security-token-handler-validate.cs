// family: jwt
// verdict: safe
// why: ValidateToken is called with full parameters and any SecurityTokenException leads to a refusal, so only valid signed, unexpired tokens produce a principal.
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S16;

public sealed class DeviceTokenValidator(SecurityKey deviceKey)
{
    private readonly JwtSecurityTokenHandler _handler = new() { MapInboundClaims = false };

    public ClaimsPrincipal? Validate(string token)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "device-registry",
            ValidAudience = "telemetry",
            IssuerSigningKey = deviceKey,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        try
        {
            return _handler.ValidateToken(token, parameters, out _);
        }
        catch (SecurityTokenException)
        {
            return null;
        }
    }
}
