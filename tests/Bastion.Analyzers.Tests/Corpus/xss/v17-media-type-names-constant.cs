// family: xss
// verdict: vulnerable
// sink-line: 20
// why: The response type is MediaTypeNames.Text.Html and the error text from the query string is written into it unencoded.
using System.Net.Mime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V17;

public static class ErrorPage
{
    public static void MapErrorPage(this WebApplication app)
    {
        app.MapGet("/error", async (HttpContext context) =>
        {
            string reason = context.Request.Query["reason"].ToString();
            context.Response.StatusCode = 400;
            context.Response.ContentType = MediaTypeNames.Text.Html;
            await context.Response.WriteAsync($"<h1>Something went wrong</h1><p>{reason}</p>");
        });
    }
}
