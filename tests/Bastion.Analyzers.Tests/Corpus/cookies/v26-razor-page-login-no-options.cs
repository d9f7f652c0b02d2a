// family: cookies
// verdict: vulnerable
// sink-line: 27
// why: The Razor Page's login handler writes the auth ticket cookie without options, so it has no Secure or HttpOnly attribute.
using System;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Cookies.V26;

public sealed class LoginModel : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public IActionResult OnPost()
    {
        if (Password.Length < 12)
        {
            return Page();
        }

        string ticket = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        Response.Cookies.Append("auth", ticket);
        return RedirectToPage("/Index");
    }
}
