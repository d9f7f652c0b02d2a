// family: xss
// verdict: vulnerable
// sink-line: 20
// why: Results.Content with a MediaTypeHeaderValue of text/html serves the unencoded query value as markup.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Corpus.Xss.V19;

public static class PrintEndpoints
{
    private static readonly MediaTypeHeaderValue Html = new("text/html") { Charset = "utf-8" };

    public static void MapPrint(this WebApplication app)
    {
        app.MapGet("/print", (HttpRequest request) =>
        {
            string heading = request.Query["heading"].ToString();
            return Results.Content("<body onload=\"window.print()\"><h1>" + heading + "</h1></body>", Html);
        });
    }
}
