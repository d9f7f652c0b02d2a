// family: xss
// verdict: vulnerable
// sink-line: 20
// why: The route's tag, which routing percent-decodes, fills an HTML template through string.Format with no encoding.
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V12;

public static class TagPages
{
    private const string Template = "<html><head><title>{0}</title></head><body><h1>Posts tagged {0}</h1></body></html>";

    public static void MapTagPages(this WebApplication app)
    {
        app.MapGet("/tags/{tag}", (string tag) =>
        {
            string html = string.Format(CultureInfo.InvariantCulture, Template, tag);
            return Results.Content(html, "text/html");
        });
    }
}
