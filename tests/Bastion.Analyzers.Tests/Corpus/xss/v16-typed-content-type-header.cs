// family: xss
// verdict: vulnerable
// sink-line: 18
// why: The handler sets the typed Content-Type header to text/html and writes the route value into the body unencoded.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V16;

public static class BadgeEndpoints
{
    public static void MapBadge(this WebApplication app)
    {
        app.MapGet("/badge/{label}", async (string label, HttpResponse response) =>
        {
            response.Headers.ContentType = "text/html; charset=utf-8";
            string markup = "<span class=\"badge\">" + label + "</span>";
            await response.WriteAsync(markup);
        });
    }
}
