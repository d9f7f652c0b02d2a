// family: xss
// verdict: vulnerable
// sink-line: 19
// why: After setting an HTML content type the handler writes the query value into the page with WriteAsync, unencoded.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V04;

public static class PreviewEndpoints
{
    public static void MapPreview(this WebApplication app)
    {
        app.MapGet("/preview", async (HttpContext context) =>
        {
            string title = context.Request.Query["title"].ToString();
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><head><title>Preview</title></head><body>");
            await context.Response.WriteAsync("<h2>" + title + "</h2>");
            await context.Response.WriteAsync("</body></html>");
        });
    }
}
