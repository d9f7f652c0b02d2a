// family: process
// verdict: vulnerable
// sink-line: 25
// why: The regex has no anchors, so `example.com; rm -rf /srv` matches it and the whole value goes into the shell command.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V17;

public static class TraceEndpoints
{
    private static readonly Regex HostPattern = new("[a-z0-9.-]+", RegexOptions.IgnoreCase);

    public static void MapTrace(this WebApplication app)
    {
        app.MapGet("/diagnostics/trace", (string host) =>
        {
            if (!HostPattern.IsMatch(host))
            {
                return Results.BadRequest("invalid host");
            }

            using var sh = Process.Start("/bin/sh", "-c \"traceroute -m 10 " + host + "\"");
            sh.WaitForExit();
            return Results.Ok();
        });
    }
}
