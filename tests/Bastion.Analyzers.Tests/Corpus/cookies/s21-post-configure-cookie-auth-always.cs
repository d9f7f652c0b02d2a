// family: cookies
// verdict: safe
// why: A PostConfigure step forces every cookie authentication scheme to SecurePolicy.Always and HttpOnly after all other configuration has run.
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.S21;

public static class CookieHardening
{
    public static IServiceCollection HardenAuthCookies(this IServiceCollection services)
    {
        services.PostConfigureAll<CookieAuthenticationOptions>(options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.HttpOnly = true;
            if (options.Cookie.SameSite is SameSiteMode.None or SameSiteMode.Unspecified)
            {
                options.Cookie.SameSite = SameSiteMode.Lax;
            }
        });
        return services;
    }
}
