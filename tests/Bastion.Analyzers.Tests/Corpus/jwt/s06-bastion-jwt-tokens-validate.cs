// family: jwt
// verdict: safe
// why: The webhook token is checked with Bastion's JwtTokens.ValidateAsync and the caller is refused unless the result is valid.
using System.Threading.Tasks;
using Bastion.Jwt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S06;

public static class CallbackEndpoints
{
    public static void MapCallbacks(this WebApplication app)
    {
        app.MapPost("/callbacks/job-finished", async (HttpRequest request, JwtTokens tokens) =>
        {
            string token = request.Headers["X-Callback-Token"].ToString();
            TokenValidationResult result = await tokens.ValidateAsync(token);
            if (!result.IsValid || result.ClaimsIdentity.FindFirst("scope")?.Value != "jobs:callback")
            {
                return Results.Unauthorized();
            }

            return Results.Accepted();
        });
    }
}
