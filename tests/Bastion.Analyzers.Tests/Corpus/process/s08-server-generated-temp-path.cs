// family: process
// verdict: safe
// why: The uploaded content is saved under a server-generated random name and only that path is given to `file` after `--`; the client's FileName is never used.
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S08;

public static class MimeEndpoints
{
    public static void MapMime(this WebApplication app)
    {
        app.MapPost("/mime", async (IFormFile upload) =>
        {
            string path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
            await using (var target = File.Create(path))
            {
                await upload.CopyToAsync(target);
            }

            var psi = new ProcessStartInfo("/usr/bin/file") { RedirectStandardOutput = true };
            psi.ArgumentList.Add("--brief");
            psi.ArgumentList.Add("--mime-type");
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(path);
            using var file = Process.Start(psi)!;
            string mime = (await file.StandardOutput.ReadToEndAsync()).Trim();
            File.Delete(path);
            return Results.Ok(new { mime });
        }).DisableAntiforgery();
    }
}
