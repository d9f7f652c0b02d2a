// family: process
// verdict: vulnerable
// sink-line: 20
// why: /usr/bin/env runs sh here, and the route value is part of the sh -c script, so env is just a longer way to call a shell.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V16;

public static class DiskEndpoints
{
    public static void MapDisk(this WebApplication app)
    {
        app.MapGet("/disk/{volume}", (string volume) =>
        {
            var psi = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true };
            foreach (string arg in new[] { "sh", "-c", "du -sh /data/" + volume })
            {
                psi.ArgumentList.Add(arg);
            }

            using var du = Process.Start(psi)!;
            return Results.Text(du.StandardOutput.ReadToEnd());
        });
    }
}
