// family: cors
// verdict: safe
// why: The hand-written header is the constant `*` without Allow-Credentials, which browsers only honour for requests without cookies.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.S16;

public static class FeedEndpoints
{
    public static void MapPublicFeed(this WebApplication app)
    {
        app.MapGet("/feed.json", (HttpContext context) =>
        {
            context.Response.Headers["Access-Control-Allow-Origin"] = "*";
            context.Response.Headers["Cache-Control"] = "public, max-age=300";
            return Results.Ok(new { items = new[] { new { title = "Release 2.3", url = "https://example.com/blog/2-3" } } });
        });
    }
}
