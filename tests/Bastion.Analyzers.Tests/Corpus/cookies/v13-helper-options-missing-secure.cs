// family: cookies
// verdict: vulnerable
// sink-line: 29
// why: The shared helper's CookieOptions set HttpOnly and SameSite but not Secure, and the session cookie is written with them.
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.V13;

internal static class CookieDefaults
{
    public static CookieOptions Session() => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        IsEssential = true,
    };
}

[ApiController]
[Route("api/session")]
public sealed class SessionController : ControllerBase
{
    [HttpPost]
    public IActionResult Start()
    {
        string sessionId = Guid.NewGuid().ToString("N");
        Response.Cookies.Append("sessionid", sessionId, CookieDefaults.Session());
        return NoContent();
    }
}
