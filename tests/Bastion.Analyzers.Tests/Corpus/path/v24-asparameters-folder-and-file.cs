// family: path
// verdict: vulnerable
// sink-line: 21
// why: The folder member of an [AsParameters] record is combined without a check, so while the file name passes through Path.GetFileName the folder climbs out of the root.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V24;

public sealed record AssetQuery(string Folder, string File);

public static class AssetEndpoints
{
    public static void MapAssets(this WebApplication app)
    {
        app.MapGet("/assets", ([AsParameters] AssetQuery query) =>
        {
            string file = Path.GetFileName(query.File);
            string path = Path.Combine("/srv/assets", query.Folder, file);
            return Results.File(path);
        });
    }
}
