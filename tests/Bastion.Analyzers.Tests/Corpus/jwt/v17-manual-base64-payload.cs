// family: jwt
// verdict: vulnerable
// sink-line: 20
// why: The payload segment is Base64Url-decoded and parsed by hand with no signature check, and its role claim decides access.
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Corpus.Jwt.V17;

public static class ReportEndpoints
{
    public static void MapReports(this WebApplication app)
    {
        app.MapGet("/reports/finance", (HttpContext context) =>
        {
            string token = context.Request.Headers.Authorization.ToString().Split(' ')[^1];
            string[] parts = token.Split('.');
            string payload = Base64UrlEncoder.Decode(parts[1]);
            using JsonDocument claims = JsonDocument.Parse(payload);
            bool finance = claims.RootElement.TryGetProperty("role", out JsonElement role) && role.GetString() == "finance";
            return finance ? Results.Ok(new { revenue = 1_200_000 }) : Results.Forbid();
        });
    }
}
