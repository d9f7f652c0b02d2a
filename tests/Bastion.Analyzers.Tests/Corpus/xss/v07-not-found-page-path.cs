// family: xss
// verdict: vulnerable
// sink-line: 20
// why: The custom 404 page prints Request.Path.Value, which routing has already percent-decoded, so `/%3Cscript%3E...` arrives as a script tag.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V07;

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
                await context.Response.WriteAsync($"<h1>Not found</h1><p>No page at {context.Request.Path.Value}</p>");
            }
        });
    }
}
