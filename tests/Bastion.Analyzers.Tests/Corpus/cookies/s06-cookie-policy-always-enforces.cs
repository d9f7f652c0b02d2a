// family: cookies
// verdict: safe
// why: The global cookie policy forces Secure and HttpOnly on every cookie and at least SameSite=Lax, so the login cookie appended without options still gets all three.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S06;

public static class CookieSetup
{
    public static void UseAppCookies(this WebApplication app)
    {
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            MinimumSameSitePolicy = SameSiteMode.Lax,
            HttpOnly = HttpOnlyPolicy.Always,
            Secure = CookieSecurePolicy.Always,
        });

        app.MapPost("/login", (HttpContext context) =>
        {
            context.Response.Cookies.Append("login", System.Guid.NewGuid().ToString("N"));
            return Results.Ok();
        });
    }
}
