// family: cookies
// verdict: vulnerable
// sink-line: 19
// why: ASP.NET Core Identity's application cookie is set to CookieSecurePolicy.None, so the login cookie is sent over plain HTTP.
using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V19;

public static class IdentityCookieSetup
{
    public static void ConfigureIdentityCookie(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Identity/Account/Login";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Cookie.SecurePolicy = CookieSecurePolicy.None;
        });
    }
}
