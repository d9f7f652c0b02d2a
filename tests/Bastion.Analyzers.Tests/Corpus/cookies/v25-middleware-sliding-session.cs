// family: cookies
// verdict: vulnerable
// sink-line: 19
// why: The middleware re-issues the session cookie on every request with HttpOnly only, so the session id lacks Secure on every response.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V25;

public static class SlidingSession
{
    public static void UseSlidingSession(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Cookies.TryGetValue("sid", out string? sid))
            {
                context.Response.Cookies.Append("sid", sid, new CookieOptions { HttpOnly = true, Expires = DateTimeOffset.UtcNow.AddMinutes(20) });
            }

            await next();
        });
    }
}
