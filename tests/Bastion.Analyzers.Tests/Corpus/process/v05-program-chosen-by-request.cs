// family: process
// verdict: vulnerable
// sink-line: 19
// why: Both the program and its arguments come from the query string, so the caller runs any executable on the server.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V05;

public static class ToolEndpoints
{
    public static void MapTools(this WebApplication app)
    {
        app.MapGet("/tools/run", (HttpRequest request) =>
        {
            string tool = request.Query["tool"].ToString();
            string args = request.Query["args"].ToString();
            using var process = Process.Start(tool, args);
            process.WaitForExit(10_000);
            return Results.Ok(new { process.ExitCode });
        });
    }
}
