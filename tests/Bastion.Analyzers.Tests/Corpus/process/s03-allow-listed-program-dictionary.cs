// family: process
// verdict: safe
// why: The request only selects a key; the program path and its arguments come from a constant dictionary, and unknown keys are refused.
using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S03;

public static class ToolEndpoints
{
    private static readonly Dictionary<string, (string Program, string[] Arguments)> Tools = new()
    {
        ["disk"] = ("/usr/bin/df", ["-h", "/srv"]),
        ["memory"] = ("/usr/bin/free", ["-m"]),
        ["uptime"] = ("/usr/bin/uptime", []),
    };

    public static void MapTools(this WebApplication app)
    {
        app.MapGet("/tools/{name}", (string name) =>
        {
            if (!Tools.TryGetValue(name, out var tool))
            {
                return Results.NotFound();
            }

            using var process = Process.Start(new ProcessStartInfo(tool.Program, tool.Arguments) { RedirectStandardOutput = true })!;
            return Results.Text(process.StandardOutput.ReadToEnd());
        });
    }
}
