// family: cookies
// verdict: safe
// why: The hand-written Set-Cookie header for the session carries Secure, HttpOnly, SameSite=Strict and Path=/ under a __Host- name.
using System;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S08;

public static class LegacyLogin
{
    public static void MapLegacyLogin(this WebApplication app)
    {
        app.MapPost("/legacy/login", (HttpContext context) =>
        {
            string sid = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Response.Headers.Append("Set-Cookie", $"__Host-sid={sid}; Path=/; Secure; HttpOnly; SameSite=Strict");
            return Results.Ok();
        });
    }
}
