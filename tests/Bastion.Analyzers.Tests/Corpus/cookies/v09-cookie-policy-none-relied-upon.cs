// family: cookies
// verdict: vulnerable
// sink-line: 20
// why: The app relies on the global cookie policy to harden its cookies, but the policy is set to CookieSecurePolicy.None, so the login cookie is issued without Secure.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V09;

public static class CookieSetup
{
    public static void UseAppCookies(this WebApplication app)
    {
        // Every cookie of the app gets its flags from this policy.
        app.UseCookiePolicy(new CookiePolicyOptions
        {
            MinimumSameSitePolicy = SameSiteMode.Lax,
            HttpOnly = HttpOnlyPolicy.Always,
            Secure = CookieSecurePolicy.None,
        });

        app.MapPost("/login", (HttpContext context) =>
        {
            context.Response.Cookies.Append("session", System.Guid.NewGuid().ToString("N"));
            return Results.Ok();
        });
    }
}
