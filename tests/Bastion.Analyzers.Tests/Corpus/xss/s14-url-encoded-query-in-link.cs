// family: xss
// verdict: safe
// why: The term is URL-encoded for the query string of a constant path and HTML-encoded for the link text.
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S14;

public static class DidYouMean
{
    public static void MapDidYouMean(this WebApplication app)
    {
        app.MapGet("/did-you-mean", (string term) =>
        {
            string href = "/search?q=" + UrlEncoder.Default.Encode(term);
            string text = HtmlEncoder.Default.Encode(term);
            return Results.Content($"<p>Did you mean <a href=\"{href}\">{text}</a>?</p>", "text/html");
        });
    }
}
