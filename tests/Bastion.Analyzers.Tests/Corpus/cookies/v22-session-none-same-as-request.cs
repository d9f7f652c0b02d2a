// family: cookies
// verdict: vulnerable
// sink-line: 19
// why: The session cookie is SameSite=None with SameAsRequest, so a session started over HTTP gets a cross-site cookie without Secure.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cookies.V22;

public static class EmbedSession
{
    public static void AddEmbedSession(this WebApplicationBuilder builder)
    {
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(options =>
        {
            options.Cookie.SameSite = SameSiteMode.None;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.HttpOnly = true;
        });
    }
}
