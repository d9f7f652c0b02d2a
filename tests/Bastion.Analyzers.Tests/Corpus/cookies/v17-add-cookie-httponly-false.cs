// family: cookies
// verdict: vulnerable
// sink-line: 18
// why: The authentication cookie handler is told to drop HttpOnly, so scripts can read the authentication ticket.
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V17;

public static class AuthSetup
{
    public static IServiceCollection AddPortalAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "portal";
                o.Cookie.HttpOnly = false;
                o.SlidingExpiration = true;
            });
        return services;
    }
}
