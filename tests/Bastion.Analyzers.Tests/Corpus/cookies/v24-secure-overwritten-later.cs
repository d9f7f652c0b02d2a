// family: cookies
// verdict: vulnerable
// sink-line: 21
// why: Secure is set to true in the initializer but overwritten with false a few lines later, so the refresh token cookie is issued without it.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V24;

public static class RefreshEndpoints
{
    public static void MapRefresh(this WebApplication app)
    {
        app.MapPost("/auth/refresh", (HttpContext context) =>
        {
            var options = new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/auth" };
            options.Expires = DateTimeOffset.UtcNow.AddDays(7);
            // TODO remove: local testing over http
            options.Secure = false;
            context.Response.Cookies.Append("refresh_token", Guid.NewGuid().ToString("N"), options);
            return Results.Ok();
        });
    }
}
