// family: cookies
// verdict: vulnerable
// sink-line: 24
// why: The partner auth cookie explicitly sets SameSite=None with Secure=false, so it rides along on cross-site requests and over plain HTTP.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V20;

public static class PartnerLogin
{
    private static readonly CookieOptions PartnerCookie = new()
    {
        HttpOnly = true,
        Secure = false,
        SameSite = SameSiteMode.None,
        Domain = ".example.com",
    };

    public static void MapPartnerLogin(this WebApplication app)
    {
        app.MapPost("/partner/login", (HttpContext context) =>
        {
            context.Response.Cookies.Append("partner_auth", System.Guid.NewGuid().ToString("N"), PartnerCookie);
            return Results.Ok();
        });
    }
}
