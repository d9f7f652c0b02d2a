// family: jwt
// verdict: safe
// why: The unvalidated token is read only to pick the tenant's validation settings; the token is then fully validated with those settings before any claim is used.
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S17;

public sealed class TenantTokenValidator(IReadOnlyDictionary<string, TokenValidationParameters> byIssuer)
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<System.Security.Claims.ClaimsIdentity?> ValidateAsync(string token)
    {
        if (!_handler.CanReadToken(token))
        {
            return null;
        }

        string issuer = _handler.ReadJsonWebToken(token).Issuer;
        if (!byIssuer.TryGetValue(issuer, out TokenValidationParameters? parameters))
        {
            return null;
        }

        TokenValidationResult result = await _handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? result.ClaimsIdentity : null;
    }
}
