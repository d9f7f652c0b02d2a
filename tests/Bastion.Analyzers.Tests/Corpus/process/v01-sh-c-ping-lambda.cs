// family: process
// verdict: vulnerable
// sink-line: 18
// why: The host query parameter is interpolated into a `sh -c` command line, so `;`, `|` or `$(...)` in it run extra commands.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V01;

public static class DiagnosticsEndpoints
{
    public static void MapPing(this WebApplication app)
    {
        app.MapGet("/diagnostics/ping", async (string host) =>
        {
            using var process = Process.Start(new ProcessStartInfo("/bin/sh", $"-c \"ping -c 1 -W 2 {host}\"")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            string output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return Results.Text(output);
        });
    }
}
