// family: jwt
// verdict: safe
// why: The SignalR ticket validator reuses the bearer scheme's configured validation parameters and refuses anything that does not validate.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S24;

public sealed class TicketValidator(IOptionsMonitor<JwtBearerOptions> bearer)
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<string?> UserIdAsync(string ticket)
    {
        TokenValidationParameters parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        TokenValidationResult result = await _handler.ValidateTokenAsync(ticket, parameters);
        return result.IsValid ? result.ClaimsIdentity.FindFirst("sub")?.Value : null;
    }
}
