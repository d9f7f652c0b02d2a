// family: xss
// verdict: safe
// why: The page number is an int bound from the route, and its decimal text cannot contain markup.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S09;

public static class ArchivePages
{
    public static void MapArchive(this WebApplication app)
    {
        app.MapGet("/archive/{page:int}", (int page) =>
        {
            string html = $"<html><body><h1>Archive, page {page}</h1><a href=\"/archive/{page + 1}\">Next</a></body></html>";
            return Results.Content(html, "text/html");
        });
    }
}
