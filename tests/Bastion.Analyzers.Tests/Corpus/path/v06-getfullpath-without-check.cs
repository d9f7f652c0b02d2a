// family: path
// verdict: vulnerable
// sink-line: 23
// why: Path.GetFullPath only normalizes the path; without comparing the result with the root afterwards, `../` still leaves the folder.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V06;

public static class AttachmentEndpoints
{
    public static void MapAttachments(this WebApplication app)
    {
        app.MapGet("/attachments", (string name) =>
        {
            string fullPath = Path.GetFullPath(Path.Combine("/srv/attachments", name));
            if (!File.Exists(fullPath))
            {
                return Results.NotFound();
            }

            byte[] bytes = File.ReadAllBytes(fullPath);
            return Results.Bytes(bytes, "application/octet-stream");
        });
    }
}
