// family: xss
// verdict: safe
// why: The name is HTML-encoded with HtmlEncoder before it is placed in element content of the HTML response.
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S01;

public static class WelcomeEndpoints
{
    public static void MapWelcome(this WebApplication app)
    {
        app.MapGet("/welcome", (string name) =>
        {
            string safeName = HtmlEncoder.Default.Encode(name);
            return Results.Content($"<!doctype html><html><body><h1>Hello {safeName}</h1></body></html>", "text/html");
        });
    }
}
