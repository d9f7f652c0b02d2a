// family: cookies
// verdict: safe
// why: The policy forces Secure on all cookies and configures the consent cookie, which only records the visitor's consent, as Secure and Lax.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.S16;

public static class ConsentSetup
{
    public static void AddConsent(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CookiePolicyOptions>(options =>
        {
            options.CheckConsentNeeded = _ => true;
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.Secure = CookieSecurePolicy.Always;
            options.ConsentCookie.Name = "consent";
            options.ConsentCookie.SecurePolicy = CookieSecurePolicy.Always;
            options.ConsentCookie.SameSite = SameSiteMode.Lax;
        });
    }
}
