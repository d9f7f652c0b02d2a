// family: cookies
// verdict: safe
// why: The theme cookie holds a non-sensitive display preference that scripts read on purpose; it is still Secure and SameSite=Lax, and it grants no access.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S07;

public static class PreferenceEndpoints
{
    public static void MapPreferences(this WebApplication app)
    {
        app.MapPost("/preferences/theme/{theme}", (string theme, HttpContext context) =>
        {
            string value = theme == "dark" ? "dark" : "light";
            context.Response.Cookies.Append("theme", value, new CookieOptions
            {
                HttpOnly = false,
                Secure = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = System.TimeSpan.FromDays(365),
            });
            return Results.NoContent();
        });
    }
}
