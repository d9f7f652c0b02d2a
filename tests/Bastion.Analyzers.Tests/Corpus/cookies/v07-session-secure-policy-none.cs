// family: cookies
// verdict: vulnerable
// sink-line: 22
// why: The session cookie is configured never to be Secure, so the session id is sent over plain HTTP.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V07;

public static class SessionSetup
{
    public static void AddAppSession(this WebApplicationBuilder builder)
    {
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(options =>
        {
            options.IdleTimeout = TimeSpan.FromMinutes(30);
            options.Cookie.Name = ".App.Session";
            options.Cookie.IsEssential = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.None;
        });
    }
}
