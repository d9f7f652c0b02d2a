// family: xss
// verdict: vulnerable
// sink-line: 18
// why: The returnUrl query value is placed in an href, so `javascript:` URLs or a quote that closes the attribute inject script.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V09;

public static class SignedOutPage
{
    public static void MapSignedOut(this WebApplication app)
    {
        app.MapGet("/signed-out", (string? returnUrl) =>
        {
            string target = returnUrl ?? "/";
            string html = $"<p>You have been signed out.</p><a href=\"{target}\">Continue</a>";
            return Results.Content(html, "text/html; charset=utf-8");
        });
    }
}
