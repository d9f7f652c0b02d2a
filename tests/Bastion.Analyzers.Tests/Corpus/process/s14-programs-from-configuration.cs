// family: process
// verdict: safe
// why: The executable path comes from server configuration and the request contributes no arguments at all.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Corpus.Processes.S14;

public static class ReindexEndpoints
{
    public static void MapReindex(this WebApplication app)
    {
        string indexer = app.Configuration["Search:IndexerPath"] ?? "/opt/search/bin/reindex";
        app.MapPost("/admin/reindex", () =>
        {
            var psi = new ProcessStartInfo(indexer) { UseShellExecute = false, RedirectStandardOutput = true };
            psi.ArgumentList.Add("--all");
            using var process = Process.Start(psi)!;
            process.WaitForExit();
            return Results.Ok(new { process.ExitCode });
        }).RequireAuthorization("admin");
    }
}
