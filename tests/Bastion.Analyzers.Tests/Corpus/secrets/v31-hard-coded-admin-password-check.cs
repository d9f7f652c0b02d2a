// family: secrets
// verdict: vulnerable
// sink-line: 18
// why: The admin login compares the posted password with a literal, a hard-coded credential that cannot be rotated and is visible in the code.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Secrets.V31;

public sealed record LoginForm(string User, string Password);

public static class AdminLogin
{
    public static void MapAdminLogin(this WebApplication app)
    {
        app.MapPost("/admin/login", (LoginForm form, HttpContext context) =>
        {
            if (form.User == "admin" && form.Password == "Adm1n-Backd00r-2024!")
            {
                context.Session.SetString("role", "admin");
                return Results.Ok();
            }

            return Results.Unauthorized();
        });
    }
}
