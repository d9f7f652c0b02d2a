// family: path
// verdict: vulnerable
// sink-line: 19
// why: Removing `../` once is not a filter: `....//` becomes `../` after the replacement, and rooted paths are not handled at all.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V13;

public static class ImageEndpoints
{
    public static void MapImages(this WebApplication app)
    {
        app.MapGet("/images", (string path) =>
        {
            string cleaned = path.Replace("../", string.Empty).Replace("..\\", string.Empty);
            string full = Path.Combine("/srv/images", cleaned);
            return Results.File(File.OpenRead(full), "image/png");
        });
    }
}
