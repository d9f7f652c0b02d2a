// family: secrets
// verdict: vulnerable
// sink-line: 23
// why: Tokens are signed with credentials built from a constant field, so the signing key ships in the assembly.
using System;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Secrets.V04;

public static class TokenEndpoints
{
    private const string SigningSecret = "Zx8mQ2vR7tY4pL1kW9nB6cH3jF5sD0gA";

    public static void MapTokens(this WebApplication app)
    {
        app.MapPost("/token", (ClaimsPrincipal user) =>
        {
            var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningSecret)), SecurityAlgorithms.HmacSha256);
            var token = new JwtSecurityToken("https://api.example.com", "example-clients", user.Claims, expires: DateTime.UtcNow.AddMinutes(30), signingCredentials: credentials);
            return Results.Ok(new { access_token = new JwtSecurityTokenHandler().WriteToken(token) });
        }).RequireAuthorization();
    }
}
