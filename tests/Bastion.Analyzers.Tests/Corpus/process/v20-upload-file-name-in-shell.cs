// family: process
// verdict: vulnerable
// sink-line: 26
// why: The uploaded file's client-supplied FileName is placed in a `sh -c` command line that scans it, so a name like `a;id` runs a command.
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V20;

public static class ScanEndpoints
{
    public static void MapScan(this WebApplication app)
    {
        app.MapPost("/scan", async (IFormFile upload) =>
        {
            string dir = Directory.CreateTempSubdirectory("scan").FullName;
            string target = Path.Join(dir, Path.GetFileName(upload.FileName));
            await using (var file = File.Create(target))
            {
                await upload.CopyToAsync(file);
            }

            using var scan = Process.Start("/bin/sh", $"-c \"clamscan --no-summary {target}\"");
            await scan.WaitForExitAsync();
            return scan.ExitCode == 0 ? Results.Ok("clean") : Results.UnprocessableEntity("infected");
        }).DisableAntiforgery();
    }
}
