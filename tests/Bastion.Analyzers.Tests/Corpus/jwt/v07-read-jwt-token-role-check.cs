// family: jwt
// verdict: vulnerable
// sink-line: 24
// why: The admin endpoint reads the bearer token with ReadJwtToken, which does not validate it, and grants access when the unverified role claim says admin.
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Jwt.V07;

public static class AdminEndpoints
{
    public static void MapAdmin(this WebApplication app)
    {
        app.MapDelete("/admin/users/{id:int}", (int id, HttpRequest request) =>
        {
            string header = request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", System.StringComparison.Ordinal))
            {
                return Results.Unauthorized();
            }

            JwtSecurityToken token = new JwtSecurityTokenHandler().ReadJwtToken(header["Bearer ".Length..]);
            if (!token.Claims.Any(c => c.Type == "role" && c.Value == "admin"))
            {
                return Results.Forbid();
            }

            return Results.Ok(new { deleted = id });
        });
    }
}
