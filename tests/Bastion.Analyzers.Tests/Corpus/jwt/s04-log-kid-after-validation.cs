// family: jwt
// verdict: safe
// why: The token is read only to log its key id after validation succeeded; authorization uses the validated result, never the read token.
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S04;

public sealed class AuditedValidator(TokenValidationParameters parameters, ILogger<AuditedValidator> logger)
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<System.Security.Claims.ClaimsIdentity?> ValidateAsync(string token)
    {
        TokenValidationResult result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            logger.LogWarning("Rejected token: {Reason}", result.Exception?.GetType().Name);
            return null;
        }

        JsonWebToken read = _handler.ReadJsonWebToken(token);
        logger.LogDebug("Accepted token signed with key {Kid}", read.Kid);
        return result.ClaimsIdentity;
    }
}
