// family: cookies
// verdict: vulnerable
// sink-line: 19
// why: The session cookie is written as a raw Set-Cookie header with only a Path, so it has no Secure, HttpOnly or SameSite attribute.
using System;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V10;

public static class LegacyLogin
{
    public static void MapLegacyLogin(this WebApplication app)
    {
        app.MapPost("/legacy/login", (HttpContext context) =>
        {
            string sid = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Response.Headers["Set-Cookie"] = $"sid={sid}; Path=/";
            return Results.Ok();
        });
    }
}
