// family: path
// verdict: safe
// why: ZipFile.ExtractToDirectory checks every entry and throws when one would land outside the destination, so a zip-slip archive is refused.
using System.IO;
using System.IO.Compression;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S07;

public static class ThemeEndpoints
{
    public static void MapThemes(this WebApplication app)
    {
        app.MapPost("/themes/{id:int}", async (int id, IFormFile archive) =>
        {
            string destination = Path.Combine("/srv/themes", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(destination);
            await using var stream = archive.OpenReadStream();
            try
            {
                ZipFile.ExtractToDirectory(stream, destination, overwriteFiles: true);
            }
            catch (IOException)
            {
                return Results.BadRequest("The archive contains invalid entries.");
            }

            return Results.Ok();
        }).DisableAntiforgery();
    }
}
