// family: jwt
// verdict: safe
// why: The endpoint reads the caller's own token only to tell the caller when it expires; no access decision depends on the unvalidated claims.
using System.IdentityModel.Tokens.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Jwt.S10;

public static class TokenInfoEndpoints
{
    public static void MapTokenInfo(this WebApplication app)
    {
        var handler = new JwtSecurityTokenHandler();
        app.MapGet("/debug/token-expiry", (HttpRequest request) =>
        {
            string raw = request.Headers.Authorization.ToString().Replace("Bearer ", "");
            if (!handler.CanReadToken(raw))
            {
                return Results.BadRequest("Not a JWT.");
            }

            JwtSecurityToken token = handler.ReadJwtToken(raw);
            return Results.Ok(new { expiresUtc = token.ValidTo, note = "decoded without validation" });
        });
    }
}
