// family: process
// verdict: safe
// why: The shell command is a constant; the request only decides whether it runs, and its values are never passed to the process.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S07;

public static class HealthEndpoints
{
    public static void MapDeepHealth(this WebApplication app)
    {
        app.MapGet("/health/deep", (HttpRequest request) =>
        {
            bool verbose = request.Query.ContainsKey("verbose");
            using var sh = Process.Start(new ProcessStartInfo("/bin/sh", "-c \"df -P /srv | tail -n 1\"")
            {
                RedirectStandardOutput = true,
            })!;
            string line = sh.StandardOutput.ReadToEnd();
            return verbose ? Results.Text(line) : Results.Ok();
        });
    }
}
