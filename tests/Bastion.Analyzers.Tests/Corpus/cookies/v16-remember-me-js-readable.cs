// family: cookies
// verdict: vulnerable
// sink-line: 25
// why: The 90-day remember-me token is readable by JavaScript (HttpOnly false), so a single XSS steals a long-lived login.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V16;

public static class RememberEndpoints
{
    public static void MapRemember(this WebApplication app)
    {
        app.MapPost("/login/remember", (HttpContext context) =>
        {
            string token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
            var remember = new CookieOptions
            {
                Secure = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(90),
            };
            remember.HttpOnly = false;
            context.Response.Cookies.Append("remember_token", token, remember);
            return Results.Ok();
        });
    }
}
