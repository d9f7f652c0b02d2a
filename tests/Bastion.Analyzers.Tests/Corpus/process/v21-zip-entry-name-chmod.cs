// family: process
// verdict: vulnerable
// sink-line: 25
// why: Entry names inside an uploaded zip are attacker-chosen and are put between single quotes of a shell command, so a name containing a quote escapes them.
using System.Diagnostics;
using System.IO.Compression;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V21;

public static class PluginEndpoints
{
    public static void MapPlugins(this WebApplication app)
    {
        app.MapPost("/plugins", async (IFormFile package) =>
        {
            await using var stream = package.OpenReadStream();
            using var zip = new ZipArchive(stream);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                if (entry.FullName.EndsWith(".sh"))
                {
                    using var chmod = Process.Start("/bin/sh", "-c \"chmod 755 '/srv/plugins/" + entry.FullName + "'\"");
                    chmod.WaitForExit();
                }
            }

            return Results.Ok();
        }).DisableAntiforgery();
    }
}
