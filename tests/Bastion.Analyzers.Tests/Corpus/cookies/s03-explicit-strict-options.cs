// family: cookies
// verdict: safe
// why: The auth token cookie is Secure, HttpOnly and SameSite=Strict, set explicitly in its CookieOptions.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S03;

public static class TokenCookieEndpoints
{
    public static void MapTokenCookie(this WebApplication app)
    {
        app.MapPost("/session", (HttpContext context) =>
        {
            string token = System.Guid.NewGuid().ToString("N");
            var options = new CookieOptions
            {
                Secure = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
            };
            context.Response.Cookies.Append("auth_token", token, options);
            return Results.Ok();
        });
    }
}
