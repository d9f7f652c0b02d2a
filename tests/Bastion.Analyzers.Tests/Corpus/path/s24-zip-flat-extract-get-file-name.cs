// family: path
// verdict: safe
// why: Entries are extracted flat: GetFileName drops their folders, `.`/`..` and empty names are skipped, and the result is checked to be a direct child of the inbox.
using System;
using System.IO;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S24;

public static class ImportEndpoints
{
    public static void MapImports(this WebApplication app)
    {
        app.MapPost("/imports", (IFormFile upload) =>
        {
            string inbox = Path.GetFullPath("/srv/imports/inbox");
            using var zip = new ZipArchive(upload.OpenReadStream());
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                string name = Path.GetFileName(entry.FullName.Replace('\\', '/'));
                if (name.Length == 0 || name is "." or "..")
                {
                    continue;
                }

                string target = Path.GetFullPath(Path.Combine(inbox, name));
                if (!string.Equals(Path.GetDirectoryName(target), inbox, StringComparison.Ordinal))
                {
                    continue;
                }

                entry.ExtractToFile(target, overwrite: true);
            }

            return Results.Ok();
        }).DisableAntiforgery();
    }
}
