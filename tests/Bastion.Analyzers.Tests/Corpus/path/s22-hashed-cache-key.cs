// family: path
// verdict: safe
// why: The cache file name is the hex SHA-256 of the client's key, so whatever the header holds, the name is 64 hex characters.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S22;

public static class CacheEndpoints
{
    public static void MapCache(this WebApplication app)
    {
        app.MapDelete("/cache", (HttpContext context) =>
        {
            string key = context.Request.Headers["X-Cache-Key"].ToString();
            string name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
            var file = new FileInfo(Path.Combine("/var/cache/app", name));
            file.Delete();
            return Results.NoContent();
        });
    }
}
