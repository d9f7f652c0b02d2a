// family: path
// verdict: vulnerable
// sink-line: 19
// why: The catch-all value read from Request.RouteValues may start with a slash (`GET /artifacts//etc/shadow`), and Path.Combine then returns that rooted path for PhysicalFile.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V30;

public static class ArtifactEndpoints
{
    public static void MapArtifacts(this WebApplication app)
    {
        app.MapGet("/artifacts/{**path}", (HttpRequest request) =>
        {
            string relative = request.RouteValues["path"] as string ?? "latest/artifact.zip";
            string path = Path.Combine("/srv/ci/artifacts", relative);
            return TypedResults.PhysicalFile(path, "application/zip", "artifact.zip");
        });
    }
}
