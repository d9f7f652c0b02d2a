// family: cookies
// verdict: safe
// why: Bastion's AppendHardened writes the session cookie HttpOnly, Secure, SameSite=Strict, Path=/ and without Domain, under a __Host- name.
using System;
using System.Security.Cryptography;
using Bastion.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.S01;

public sealed record Credentials(string User, string Password);

public static class LoginEndpoints
{
    public static void MapLogin(this WebApplication app)
    {
        app.MapPost("/login", (Credentials credentials, HttpContext context) =>
        {
            if (credentials.Password.Length < 12)
            {
                return Results.Unauthorized();
            }

            string sessionId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            context.Response.Cookies.AppendHardened("__Host-session", sessionId, maxAge: TimeSpan.FromHours(8));
            return Results.NoContent();
        });
    }
}
