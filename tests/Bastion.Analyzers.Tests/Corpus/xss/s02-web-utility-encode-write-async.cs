// family: xss
// verdict: safe
// why: WebUtility.HtmlEncode is applied to the title before it is written into the HTML body.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S02;

public static class PreviewEndpoints
{
    public static void MapPreview(this WebApplication app)
    {
        app.MapGet("/preview", async (HttpContext context) =>
        {
            string title = WebUtility.HtmlEncode(context.Request.Query["title"].ToString());
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<html><body>");
            await context.Response.WriteAsync("<h2>" + title + "</h2>");
            await context.Response.WriteAsync("</body></html>");
        });
    }
}
