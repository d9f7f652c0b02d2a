// family: cookies
// verdict: safe
// why: Secure is off only in the Development environment (localhost over HTTP); in every deployed environment the session cookie is Secure and HttpOnly.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Corpus.Cookies.S12;

public static class SessionEndpoints
{
    public static void MapSession(this WebApplication app)
    {
        bool development = app.Environment.IsDevelopment();
        app.MapPost("/session", (HttpContext context) =>
        {
            var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = !development };
            context.Response.Cookies.Append("session", System.Guid.NewGuid().ToString("N"), options);
            return Results.Ok();
        });
    }
}
