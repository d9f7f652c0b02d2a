// family: path
// verdict: vulnerable
// sink-line: 20
// why: The language cookie names the resource file opened with a StreamReader, and a cookie of `../../../etc/passwd` is read and returned.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V17;

public static class ResourceEndpoints
{
    public static void MapResources(this WebApplication app)
    {
        app.MapGet("/resources/strings", async (HttpContext context) =>
        {
            string language = context.Request.Cookies["lang"] ?? "en";
            string path = "/srv/app/i18n/" + language;
            using var reader = new StreamReader(path);
            string json = await reader.ReadToEndAsync();
            return Results.Text(json, "application/json");
        });
    }
}
