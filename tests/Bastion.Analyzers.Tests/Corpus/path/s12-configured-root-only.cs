// family: path
// verdict: safe
// why: The file opened is a fixed name under a folder from server configuration; the request only supplies an int version number.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Corpus.Paths.S12;

public static class ChangelogEndpoints
{
    public static void MapChangelog(this WebApplication app)
    {
        string releases = app.Configuration["Releases:Folder"] ?? "/srv/releases";
        app.MapGet("/changelog/{major:int}", (int major) =>
        {
            string path = Path.Combine(releases, $"v{major}", "CHANGELOG.md");
            return File.Exists(path) ? Results.File(path, "text/markdown") : Results.NotFound();
        });
    }
}
