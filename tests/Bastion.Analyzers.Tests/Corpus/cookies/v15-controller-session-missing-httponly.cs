// family: cookies
// verdict: vulnerable
// sink-line: 24
// why: The session cookie is Secure and Strict but HttpOnly is left at its default false, so page scripts can read the session id.
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.V15;

[Route("account")]
public sealed class AccountController : Controller
{
    [HttpPost("login")]
    [ValidateAntiForgeryToken]
    public IActionResult Login(string user, string password)
    {
        if (password.Length < 12)
        {
            return View();
        }

        string sessionId = Guid.NewGuid().ToString("N");
        Response.Cookies.Append("SessionId", sessionId, new CookieOptions { Secure = true, SameSite = SameSiteMode.Strict });
        return RedirectToAction("Index", "Home");
    }
}
