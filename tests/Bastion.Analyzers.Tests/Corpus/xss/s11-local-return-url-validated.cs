// family: xss
// verdict: safe
// why: The return URL must be a relative path starting with a single slash (no scheme, so no javascript:), and it is HTML-encoded for the attribute.
using System.Linq;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S11;

public static class SignedOutPage
{
    private static bool IsLocal(string url) =>
        url.StartsWith('/') && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(char.IsControl);

    public static void MapSignedOut(this WebApplication app)
    {
        app.MapGet("/signed-out", (string? returnUrl) =>
        {
            string target = returnUrl is not null && IsLocal(returnUrl) ? returnUrl : "/";
            string html = $"<p>You have been signed out.</p><a href=\"{HtmlEncoder.Default.Encode(target)}\">Continue</a>";
            return Results.Content(html, "text/html; charset=utf-8");
        });
    }
}
