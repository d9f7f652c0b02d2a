// family: cookies
// verdict: vulnerable
// sink-line: 23
// why: The authentication cookie is configured with CookieSecurePolicy.None, so it never gets the Secure attribute and is sent over plain HTTP.
using System;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V05;

public static class AuthSetup
{
    public static void AddCookieAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/login";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.Cookie.Name = "app.auth";
                options.Cookie.SecurePolicy = CookieSecurePolicy.None;
            });
    }
}
