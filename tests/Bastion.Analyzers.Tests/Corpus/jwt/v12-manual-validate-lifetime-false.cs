// family: jwt
// verdict: vulnerable
// sink-line: 24
// why: The hand-written validation turns lifetime checks off, so expired service tokens are still accepted.
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V12;

public sealed class ServiceTokenValidator(IConfiguration configuration)
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<string?> ValidateAsync(string token)
    {
        var parameters = new TokenValidationParameters
        {
            ValidIssuer = "https://auth.internal",
            ValidAudience = "billing",
            IssuerSigningKey = new SymmetricSecurityKey(System.Convert.FromBase64String(configuration["Services:Key"]!)),
        };
        parameters.ValidateLifetime = false;
        TokenValidationResult result = await _handler.ValidateTokenAsync(token, parameters);
        return result.IsValid ? result.ClaimsIdentity.Name : null;
    }
}
