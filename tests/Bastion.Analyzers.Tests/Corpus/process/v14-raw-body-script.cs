// family: process
// verdict: vulnerable
// sink-line: 24
// why: The whole request body, read with a StreamReader, is passed as the -Command of PowerShell, which runs it as a script.
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V14;

public static class MaintenanceEndpoints
{
    public static void MapMaintenance(this WebApplication app)
    {
        app.MapPost("/maintenance/check", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string check = await reader.ReadToEndAsync();
            var pwsh = new ProcessStartInfo("pwsh") { RedirectStandardOutput = true };
            pwsh.ArgumentList.Add("-NoProfile");
            pwsh.ArgumentList.Add("-Command");
            pwsh.ArgumentList.Add(check);
            using var process = Process.Start(pwsh)!;
            string result = await process.StandardOutput.ReadToEndAsync();
            return Results.Text(result);
        });
    }
}
