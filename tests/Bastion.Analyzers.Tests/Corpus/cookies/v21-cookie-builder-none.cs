// family: cookies
// verdict: vulnerable
// sink-line: 25
// why: The CookieBuilder's SecurePolicy is None, so the CookieOptions it builds for the session cookie never include Secure.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V21;

public static class KioskSession
{
    private static readonly CookieBuilder Builder = new()
    {
        Name = "kiosk_session",
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        SecurePolicy = CookieSecurePolicy.None,
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
