// family: jwt
// verdict: vulnerable
// sink-line: 20
// why: The manual validation with JwtSecurityTokenHandler sets RequireSignedTokens = false, so an unsigned `alg: none` token validates.
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V25;

public sealed class DeviceTokenValidator(SecurityKey deviceKey)
{
    public ClaimsPrincipal? Validate(string token)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "device-registry",
            ValidAudience = "telemetry",
            IssuerSigningKey = deviceKey,
            RequireSignedTokens = false,
        };
        try
        {
            return new JwtSecurityTokenHandler().ValidateToken(token, parameters, out _);
        }
        catch (SecurityTokenException)
        {
            return null;
        }
    }
}
