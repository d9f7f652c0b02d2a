// family: xss
// verdict: vulnerable
// sink-line: 17
// why: Results.Text with a text/html content type is an HTML response, and the query's snippet is embedded without encoding.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V18;

public static class EmbedEndpoints
{
    public static void MapEmbed(this WebApplication app)
    {
        app.MapGet("/embed", (string quote, string? author) =>
        {
            string html = "<blockquote>" + quote + "<footer>" + (author ?? "anonymous") + "</footer></blockquote>";
            return Results.Text(html, "text/html");
        });
    }
}
