// family: cookies
// verdict: safe
// why: The CookieBuilder is SecurePolicy.Always, HttpOnly and Strict, and the options it builds are the ones used for the kiosk session cookie.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S14;

public static class KioskSession
{
    private static readonly CookieBuilder Builder = new()
    {
        Name = "__Host-kiosk",
        Path = "/",
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        SecurePolicy = CookieSecurePolicy.Always,
    };

    public static void MapKiosk(this WebApplication app)
    {
        app.MapPost("/kiosk/start", (HttpContext context) =>
        {
            CookieOptions options = Builder.Build(context);
            context.Response.Cookies.Append(Builder.Name!, System.Guid.NewGuid().ToString("N"), options);
            return Results.Ok();
        });
    }
}
