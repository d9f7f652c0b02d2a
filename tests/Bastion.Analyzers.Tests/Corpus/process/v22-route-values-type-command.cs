// family: process
// verdict: vulnerable
// sink-line: 19
// why: The log name read from RouteValues is appended to a `cmd /c type` command line, so `x & whoami` runs a second command.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Corpus.Processes.V22;

public static class LogEndpoints
{
    public static void MapLogs(this WebApplication app)
    {
        app.MapGet("/logs/{log}/tail", (HttpContext context) =>
        {
            var log = context.GetRouteValue("log") as string ?? "app";
            var psi = new ProcessStartInfo("cmd.exe", @"/c type C:\logs\" + log + ".log") { RedirectStandardOutput = true };
            using var type = Process.Start(psi)!;
            return Results.Text(type.StandardOutput.ReadToEnd());
        });
    }
}
