// family: cookies
// verdict: vulnerable
// sink-line: 19
// why: Secure follows Request.IsHttps, so a login that reaches the app over HTTP (every request behind a TLS-terminating proxy) issues the auth cookie without Secure.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V14;

public static class LoginEndpoints
{
    public static void MapLogin(this WebApplication app)
    {
        app.MapPost("/login", (HttpContext context) =>
        {
            string ticket = System.Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var options = new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax };
            options.Secure = context.Request.IsHttps;
            context.Response.Cookies.Append("auth_ticket", ticket, options);
            return Results.Ok();
        });
    }
}
