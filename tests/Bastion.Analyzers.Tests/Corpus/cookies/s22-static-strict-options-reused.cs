// family: cookies
// verdict: safe
// why: One static CookieOptions with Secure, HttpOnly and Strict is reused for the session and the step-up cookies.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S22;

public static class AuthCookies
{
    private static readonly CookieOptions Strict = new() { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" };

    public static void MapAuthCookies(this WebApplication app)
    {
        app.MapPost("/login", (HttpContext context) =>
        {
            context.Response.Cookies.Append("__Host-session", Guid.NewGuid().ToString("N"), Strict);
            return Results.Ok();
        });

        app.MapPost("/step-up", (HttpContext context) =>
        {
            context.Response.Cookies.Append("__Host-stepup", Guid.NewGuid().ToString("N"), Strict);
            return Results.Ok();
        });
    }
}
