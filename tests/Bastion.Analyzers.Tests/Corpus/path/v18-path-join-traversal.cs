// family: path
// verdict: vulnerable
// sink-line: 18
// why: Path.Join does not drop the root for a rooted second part, but it keeps `..` segments, so the tenant and file query values still climb out of /srv/tenants.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V18;

public static class TenantFileHandlers
{
    public static void Map(WebApplication app) => app.MapGet("/tenant-files", Download);

    public static IResult Download(string tenant, string file)
    {
        string path = Path.Join("/srv/tenants", tenant, "files", file);
        return Results.File(File.ReadAllBytes(path), "application/octet-stream", file);
    }
}
