// family: cookies
// verdict: safe
// why: The cookie options come from Bastion's HardenedCookies.Options, which are always HttpOnly and Secure; Lax is chosen so links from mail arrive logged in.
using System;
using Bastion.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.S02;

[ApiController]
[Route("api/magic-link")]
public sealed class MagicLinkController : ControllerBase
{
    [HttpGet("{token}")]
    public IActionResult Redeem(string token)
    {
        string sessionId = Guid.NewGuid().ToString("N");
        CookieOptions options = HardenedCookies.Options(SameSiteMode.Lax, TimeSpan.FromHours(12));
        Response.Cookies.Append("__Host-session", sessionId, options);
        return Redirect("/");
    }
}
