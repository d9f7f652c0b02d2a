// family: path
// verdict: safe
// why: TarFile.ExtractToDirectory refuses entries that would be written outside the destination, so the uploaded archive cannot escape it.
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S18;

public static class DatasetEndpoints
{
    public static void MapDatasets(this WebApplication app)
    {
        app.MapPost("/datasets", async (HttpRequest request) =>
        {
            string destination = Directory.CreateTempSubdirectory("dataset-").FullName;
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
            try
            {
                await TarFile.ExtractToDirectoryAsync(gzip, destination, overwriteFiles: false);
            }
            catch (IOException)
            {
                return Results.BadRequest();
            }

            return Results.Accepted();
        });
    }
}
