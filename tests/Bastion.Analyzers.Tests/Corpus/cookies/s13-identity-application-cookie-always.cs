// family: cookies
// verdict: safe
// why: ASP.NET Core Identity's application cookie is Secure always, HttpOnly and SameSite=Lax.
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.S13;

public static class IdentityCookieSetup
{
    public static void ConfigureIdentityCookie(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
    }
}
