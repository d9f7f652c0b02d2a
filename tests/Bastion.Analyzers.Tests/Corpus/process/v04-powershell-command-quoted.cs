// family: process
// verdict: vulnerable
// sink-line: 21
// why: Wrapping the service name in single quotes inside a PowerShell -Command string is broken by a quote in the name, after which any PowerShell runs.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V04;

public static class ServiceEndpoints
{
    public static void MapServices(this WebApplication app)
    {
        app.MapPost("/services/{name}/restart", async (string name) =>
        {
            var psi = new ProcessStartInfo
            {
                FileName = "powershell.exe",
                Arguments = $"-NoProfile -NonInteractive -Command \"Restart-Service -Name '{name}' -Force\"",
                UseShellExecute = false,
            };
            using var ps = Process.Start(psi)!;
            await ps.WaitForExitAsync();
            return ps.ExitCode == 0 ? Results.NoContent() : Results.Problem("restart failed");
        });
    }
}
