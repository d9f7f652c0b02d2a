// family: cookies
// verdict: vulnerable
// sink-line: 18
// why: HttpOnly is turned off on the access-token cookie so the SPA can read it, which lets any injected script steal the token.
using System;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.V03;

[ApiController]
[Route("api/auth")]
public sealed class AuthController : ControllerBase
{
    [HttpPost("login")]
    public IActionResult Login([FromBody] LoginRequest request)
    {
        string accessToken = IssueToken(request.Email);
        Response.Cookies.Append("access_token", accessToken, new Microsoft.AspNetCore.Http.CookieOptions
        {
            Secure = true,
            HttpOnly = false,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Expires = DateTimeOffset.UtcNow.AddHours(1),
        });
        return Ok();
    }

    private static string IssueToken(string email) => Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "." + email.Length;
}

public sealed record LoginRequest(string Email, string Password);
