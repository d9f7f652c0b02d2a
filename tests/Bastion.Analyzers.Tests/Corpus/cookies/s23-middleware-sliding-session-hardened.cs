// family: cookies
// verdict: safe
// why: The sliding-session middleware re-issues the cookie with Bastion's hardened options, so each renewal keeps Secure, HttpOnly and Strict.
using System;
using Bastion.Cookies;
using Microsoft.AspNetCore.Builder;

namespace Corpus.Cookies.S23;

public static class SlidingSession
{
    public static void UseSlidingSession(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.Request.Cookies.TryGetValue("__Host-sid", out string? sid))
            {
                context.Response.Cookies.Append("__Host-sid", sid, HardenedCookies.Options(maxAge: TimeSpan.FromMinutes(20)));
            }

            await next();
        });
    }
}
