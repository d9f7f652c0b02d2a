// family: xss
// verdict: safe
// why: The custom 404 page HTML-encodes the decoded request path before printing it.
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S24;

public static class NotFoundPage
{
    public static void UseFriendlyNotFound(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next();
            if (context.Response.StatusCode == StatusCodes.Status404NotFound && !context.Response.HasStarted)
            {
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync($"<h1>Not found</h1><p>No page at {WebUtility.HtmlEncode(context.Request.Path.Value)}</p>");
            }
        });
    }
}
