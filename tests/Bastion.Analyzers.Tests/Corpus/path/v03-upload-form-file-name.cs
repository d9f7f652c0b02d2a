// family: path
// verdict: vulnerable
// sink-line: 19
// why: IFormFile.FileName is the name the client sent in Content-Disposition, and using it in Path.Combine lets an upload named `../../app/wwwroot/x.aspx` land anywhere.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V03;

public static class UploadEndpoints
{
    public static void MapUploads(this WebApplication app)
    {
        app.MapPost("/uploads", async (IFormFile file) =>
        {
            string target = Path.Combine("/srv/uploads", file.FileName);
            await using var stream = new FileStream(target, FileMode.Create);
            await file.CopyToAsync(stream);
            return Results.Ok(new { stored = file.FileName });
        }).DisableAntiforgery();
    }
}
