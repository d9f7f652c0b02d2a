// family: cookies
// verdict: vulnerable
// sink-line: 27
// why: The session id cookie is written without options, so it has neither Secure nor HttpOnly and can be read by script or sent over plain HTTP.
using System;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V01;

public sealed record Credentials(string User, string Password);

public static class LoginEndpoints
{
    public static void MapLogin(this WebApplication app)
    {
        app.MapPost("/login", (Credentials credentials, HttpContext context) =>
        {
            if (!PasswordStore.Verify(credentials.User, credentials.Password))
            {
                return Results.Unauthorized();
            }

            string sessionId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            SessionStore.Add(sessionId, credentials.User);
            context.Response.Cookies.Append("session", sessionId);
            return Results.NoContent();
        });
    }
}

internal static class PasswordStore
{
    public static bool Verify(string user, string password) => user.Length > 0 && password.Length >= 12;
}

internal static class SessionStore
{
    public static void Add(string id, string user) => _ = (id, user);
}
