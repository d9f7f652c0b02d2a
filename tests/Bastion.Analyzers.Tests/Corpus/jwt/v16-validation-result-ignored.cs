// family: jwt
// verdict: vulnerable
// sink-line: 22
// why: The result of ValidateTokenAsync is never checked; the claims are read from the unvalidated token afterwards, so invalid tokens still identify the caller.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V16;

public static class ProfileEndpoints
{
    public static void MapProfile(this WebApplication app, TokenValidationParameters parameters)
    {
        var handler = new JsonWebTokenHandler();
        app.MapGet("/profile", async (HttpRequest request) =>
        {
            string token = request.Headers.Authorization.ToString().Replace("Bearer ", "");
            await handler.ValidateTokenAsync(token, parameters);
            JsonWebToken jwt = handler.ReadJsonWebToken(token);
            return Results.Ok(new { user = jwt.Subject, email = jwt.GetPayloadValue<string>("email") });
        });
    }
}
