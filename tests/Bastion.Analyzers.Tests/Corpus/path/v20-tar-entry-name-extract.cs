// family: path
// verdict: vulnerable
// sink-line: 27
// why: Tar entry names are chosen by whoever built the archive, and extracting each entry to Path.Combine(destination, entry.Name) by hand skips the check TarFile.ExtractToDirectory makes.
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V20;

public static class DatasetEndpoints
{
    public static void MapDatasets(this WebApplication app)
    {
        app.MapPost("/datasets", async (HttpRequest request) =>
        {
            const string destination = "/srv/datasets/incoming";
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync() is TarEntry entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    await entry.ExtractToFileAsync(Path.Combine(destination, entry.Name), overwrite: true);
                }
            }

            return Results.Accepted();
        });
    }
}
