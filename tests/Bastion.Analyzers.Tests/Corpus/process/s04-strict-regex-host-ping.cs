// family: process
// verdict: safe
// why: The host must fully match a hostname pattern that starts with a letter or digit and has no spaces, quotes or shell characters, and ping is run without a shell.
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S04;

public static class DiagnosticsEndpoints
{
    private static readonly Regex Hostname = new(@"\A[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?\z", RegexOptions.CultureInvariant);

    public static void MapPing(this WebApplication app)
    {
        app.MapGet("/diagnostics/ping", (string host) =>
        {
            if (!Hostname.IsMatch(host))
            {
                return Results.BadRequest("invalid host");
            }

            var psi = new ProcessStartInfo("/usr/bin/ping", $"-c 1 -W 2 {host}") { RedirectStandardOutput = true, UseShellExecute = false };
            using var ping = Process.Start(psi)!;
            string output = ping.StandardOutput.ReadToEnd();
            ping.WaitForExit();
            return Results.Text(output);
        });
    }
}
