// family: path
// verdict: vulnerable
// sink-line: 23
// why: A client-chosen X-Cache-Key header names the cache file that is deleted, so `../` in it deletes files outside the cache folder.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V16;

public static class CacheEndpoints
{
    public static void MapCache(this WebApplication app)
    {
        app.MapDelete("/cache", (HttpContext context) =>
        {
            string? key = context.Request.Headers["X-Cache-Key"];
            if (string.IsNullOrEmpty(key))
            {
                return Results.BadRequest();
            }

            var file = new FileInfo(Path.Combine("/var/cache/app", key));
            file.Delete();
            return Results.NoContent();
        });
    }
}
