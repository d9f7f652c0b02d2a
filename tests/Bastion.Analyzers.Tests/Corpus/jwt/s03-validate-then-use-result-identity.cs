// family: jwt
// verdict: safe
// why: The token is validated with ValidateTokenAsync and the claims are taken from the result's identity only when IsValid is true.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S03;

public static class ProfileEndpoints
{
    public static void MapProfile(this WebApplication app, TokenValidationParameters parameters)
    {
        var handler = new JsonWebTokenHandler();
        app.MapGet("/profile", async (HttpRequest request) =>
        {
            string token = request.Headers.Authorization.ToString().Replace("Bearer ", "");
            TokenValidationResult result = await handler.ValidateTokenAsync(token, parameters);
            if (!result.IsValid)
            {
                return Results.Unauthorized();
            }

            return Results.Ok(new { user = result.ClaimsIdentity.FindFirst("sub")?.Value, email = result.ClaimsIdentity.FindFirst("email")?.Value });
        });
    }
}
