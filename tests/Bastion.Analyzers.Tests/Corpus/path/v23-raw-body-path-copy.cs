// family: path
// verdict: vulnerable
// sink-line: 22
// why: The raw request body names the file to publish, and File.Copy copies it from the drafts folder with no check, so any readable file is published.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V23;

public static class PublishEndpoints
{
    public static void MapPublish(this WebApplication app)
    {
        app.MapPost("/publish", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string draft = (await reader.ReadToEndAsync()).Trim();
            string source = Path.Combine("/srv/drafts", draft);
            string target = Path.Combine("/srv/www/posts", Path.GetFileName(draft));
            File.Copy(source, target, overwrite: true);
            return Results.Ok();
        });
    }
}
