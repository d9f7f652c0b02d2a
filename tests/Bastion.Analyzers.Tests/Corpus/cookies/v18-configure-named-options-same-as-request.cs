// family: cookies
// verdict: vulnerable
// sink-line: 21
// why: The cookie scheme's options are reconfigured to SameAsRequest, and the app is served on plain HTTP behind its proxy, so the ticket is never Secure.
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V18;

public static class AuthSetup
{
    public static void AddAuth(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseUrls("http://*:80");
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
        });
    }
}
