// family: jwt
// verdict: safe
// why: The endpoint asks the JWT bearer scheme to authenticate the request and uses the principal only when authentication succeeded.
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Jwt.S21;

public static class ExportEndpoints
{
    public static void MapExport(this WebApplication app)
    {
        app.MapGet("/export", async (HttpContext context) =>
        {
            AuthenticateResult auth = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
            if (!auth.Succeeded || auth.Principal.FindFirst("scope")?.Value != "export")
            {
                return Results.Unauthorized();
            }

            return Results.Ok(new { exportedBy = auth.Principal.Identity?.Name });
        });
    }
}
