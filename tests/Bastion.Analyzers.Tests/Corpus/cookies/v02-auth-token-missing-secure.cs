// family: cookies
// verdict: vulnerable
// sink-line: 23
// why: The auth token cookie is HttpOnly and SameSite=Strict but not Secure, so the browser also sends it over plain HTTP where a network attacker reads it.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V02;

public static class TokenCookieEndpoints
{
    public static void MapTokenCookie(this WebApplication app)
    {
        app.MapPost("/session", (HttpContext context, TokenService tokens) =>
        {
            string token = tokens.CreateFor(context.User);
            var options = new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
            };
            context.Response.Cookies.Append("auth_token", token, options);
            return Results.Ok();
        });
    }
}

public sealed class TokenService
{
    public string CreateFor(System.Security.Claims.ClaimsPrincipal user) => System.Guid.NewGuid().ToString("N");
}
