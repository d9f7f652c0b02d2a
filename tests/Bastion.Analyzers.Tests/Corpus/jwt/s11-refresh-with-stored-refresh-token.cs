// family: jwt
// verdict: safe
// why: The expired access token's signature, issuer and audience are still validated, and a new token is issued only when the refresh token matches the hash stored for that user.
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.S11;

public sealed record RefreshRequest(string AccessToken, string RefreshToken);

public interface IRefreshTokenStore
{
    Task<byte[]?> GetHashAsync(string userId);
}

public static class RefreshEndpoints
{
    public static void MapRefresh(this WebApplication app, SigningCredentials signing, SecurityKey key)
    {
        var handler = new JsonWebTokenHandler();
        app.MapPost("/auth/refresh", async (RefreshRequest request, IRefreshTokenStore store) =>
        {
            var parameters = new TokenValidationParameters { ValidIssuer = "https://api.example.com", ValidAudience = "app", IssuerSigningKey = key, ValidateLifetime = false };
            TokenValidationResult result = await handler.ValidateTokenAsync(request.AccessToken, parameters);
            string? userId = result.IsValid ? result.ClaimsIdentity.FindFirst("sub")?.Value : null;
            byte[]? stored = userId is null ? null : await store.GetHashAsync(userId);
            byte[] presented = SHA256.HashData(Encoding.UTF8.GetBytes(request.RefreshToken));
            if (stored is null || !CryptographicOperations.FixedTimeEquals(stored, presented))
            {
                return Results.Unauthorized();
            }

            string fresh = handler.CreateToken(new SecurityTokenDescriptor { Subject = result.ClaimsIdentity, Issuer = "https://api.example.com", Audience = "app", SigningCredentials = signing });
            return Results.Ok(new { access_token = fresh });
        });
    }
}
