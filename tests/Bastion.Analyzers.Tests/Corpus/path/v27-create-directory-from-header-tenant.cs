// family: path
// verdict: vulnerable
// sink-line: 21
// why: The tenant header decides the folder the upload is written to, so `../../srv/app` writes the file inside the application folder.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V27;

public static class LogoEndpoints
{
    public static void MapLogos(this WebApplication app)
    {
        app.MapPut("/logo", async (HttpRequest request) =>
        {
            string tenant = request.Headers["X-Tenant"].ToString();
            string folder = Path.Combine("/srv/tenants", tenant);
            Directory.CreateDirectory(folder);
            await using var target = File.Create(Path.Combine(folder, "logo.png"));
            await request.Body.CopyToAsync(target);
            return Results.NoContent();
        });
    }
}
