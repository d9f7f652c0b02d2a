// family: cookies
// verdict: safe
// why: The culture cookie only stores the chosen language, a non-sensitive preference, and is still Secure and SameSite=Lax.
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Cookies.S11;

[Route("culture")]
public sealed class CultureController : Controller
{
    [HttpPost]
    [ValidateAntiForgeryToken]
    public IActionResult Set(string culture, string returnUrl)
    {
        string safeCulture = culture is "de-DE" or "fr-FR" ? culture : "en-US";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(safeCulture)),
            new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax, Expires = DateTimeOffset.UtcNow.AddYears(1) });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
