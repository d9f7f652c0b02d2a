// family: cookies
// verdict: safe
// why: The refresh token cookie is Secure, HttpOnly, SameSite=Strict and limited to the refresh path.
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.S17;

[ApiController]
[Route("auth")]
public sealed class RefreshController : ControllerBase
{
    [HttpPost("refresh")]
    public IActionResult Refresh()
    {
        string next = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        Response.Cookies.Append("refresh_token", next, new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/auth/refresh",
            MaxAge = TimeSpan.FromDays(14),
            IsEssential = true,
        });
        return Ok();
    }
}
