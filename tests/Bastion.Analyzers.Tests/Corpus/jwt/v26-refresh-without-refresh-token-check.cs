// family: jwt
// verdict: vulnerable
// sink-line: 23
// why: The refresh endpoint accepts an expired access token (lifetime not validated) and issues a new one without any refresh token, so a stolen token can be renewed forever.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V26;

public sealed record RefreshRequest(string AccessToken);

public static class RefreshEndpoints
{
    public static void MapRefresh(this WebApplication app, SigningCredentials signing, SecurityKey key)
    {
        var handler = new JsonWebTokenHandler();
        app.MapPost("/auth/refresh", async (RefreshRequest request) =>
        {
            var parameters = new TokenValidationParameters { ValidIssuer = "https://api.example.com", ValidAudience = "app", IssuerSigningKey = key };
            parameters.ValidateLifetime = false;
            TokenValidationResult result = await handler.ValidateTokenAsync(request.AccessToken, parameters);
            if (!result.IsValid)
            {
                return Results.Unauthorized();
            }

            string fresh = handler.CreateToken(new SecurityTokenDescriptor { Subject = result.ClaimsIdentity, Issuer = "https://api.example.com", Audience = "app", SigningCredentials = signing });
            return Results.Ok(new { access_token = fresh });
        });
    }
}
