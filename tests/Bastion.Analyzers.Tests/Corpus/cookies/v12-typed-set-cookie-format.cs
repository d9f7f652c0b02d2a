// family: cookies
// verdict: vulnerable
// sink-line: 20
// why: The remember-me token is set through the typed SetCookie header with string.Format and carries no Secure or HttpOnly attribute.
using System;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V12;

public static class RememberMe
{
    public static void MapRememberMe(this WebApplication app)
    {
        app.MapPost("/remember-me", (HttpContext context) =>
        {
            string token = Guid.NewGuid().ToString("N");
            string expires = DateTime.UtcNow.AddDays(30).ToString("R", CultureInfo.InvariantCulture);
            context.Response.Headers.SetCookie = string.Format(CultureInfo.InvariantCulture, "remember={0}; Expires={1}; Path=/; SameSite=Lax", token, expires);
            return Results.NoContent();
        });
    }
}
