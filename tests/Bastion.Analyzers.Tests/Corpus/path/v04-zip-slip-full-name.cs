// family: path
// verdict: vulnerable
// sink-line: 32
// why: Each entry's FullName from the uploaded zip is combined with the target folder and extracted without a containment check (zip slip).
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V04;

public static class ThemeEndpoints
{
    public static void MapThemes(this WebApplication app)
    {
        app.MapPost("/themes/{id:int}", async (int id, IFormFile archive) =>
        {
            string destination = Path.Combine("/srv/themes", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(destination);
            await using var stream = archive.OpenReadStream();
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                {
                    continue;
                }

                string path = Path.Combine(destination, entry.FullName);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                entry.ExtractToFile(path, overwrite: true);
            }

            return Results.Ok();
        }).DisableAntiforgery();
    }
}
