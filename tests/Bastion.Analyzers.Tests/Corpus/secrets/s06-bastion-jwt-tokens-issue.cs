// family: secrets
// verdict: safe
// why: Tokens are issued by Bastion's JwtTokens, whose key ring comes from configuration or the secrets store; the code holds no key.
using System.Security.Claims;
using Bastion.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Secrets.S06;

public static class TokenEndpoints
{
    public static void MapTokens(this WebApplication app)
    {
        app.MapPost("/token", (ClaimsPrincipal user, JwtTokens tokens) =>
        {
            string subject = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            string token = tokens.Issue([new Claim("sub", subject), new Claim("scope", "orders:read")]);
            return Results.Ok(new { access_token = token, kid = tokens.Ring.CurrentKid });
        }).RequireAuthorization();
    }
}
