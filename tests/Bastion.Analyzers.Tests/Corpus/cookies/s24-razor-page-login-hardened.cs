// family: cookies
// verdict: safe
// why: The Razor Page's login handler writes the ticket with explicit Secure, HttpOnly and SameSite=Lax options.
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Cookies.S24;

public sealed class LoginModel : PageModel
{
    [BindProperty]
    public string Password { get; set; } = "";

    public IActionResult OnPost()
    {
        if (Password.Length < 12)
        {
            return Page();
        }

        string ticket = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        Response.Cookies.Append("auth", ticket, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return RedirectToPage("/Index");
    }
}
