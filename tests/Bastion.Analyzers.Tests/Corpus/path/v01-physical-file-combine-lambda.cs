// family: path
// verdict: vulnerable
// sink-line: 20
// why: A catch-all route value can start with a slash (`GET /downloads//etc/passwd`), and Path.Combine returns a rooted second argument alone, so any file is served.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V01;

public static class DownloadEndpoints
{
    private const string Root = "/srv/app/downloads";

    public static void MapDownloads(this WebApplication app)
    {
        app.MapGet("/downloads/{*name}", (string name) =>
        {
            string path = Path.Combine(Root, name);
            return Results.File(path, "application/octet-stream");
        });
    }
}
