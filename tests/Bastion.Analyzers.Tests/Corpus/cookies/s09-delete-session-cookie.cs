// family: cookies
// verdict: safe
// why: Logout only deletes the session cookie (an expired, empty cookie), which exposes nothing.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S09;

public static class LogoutEndpoints
{
    public static void MapLogout(this WebApplication app)
    {
        app.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete("session");
            context.Response.Cookies.Delete("remember_token");
            return Results.Redirect("/");
        });
    }
}
