// family: process
// verdict: safe
// why: The shell script is a constant that refers to the value only as "$1", and the value is passed as a separate positional argument after `--`, so sh never parses it as code.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S02;

public static class LogSearchEndpoints
{
    private const string Script = "grep -c -F -- \"$1\" /var/log/app/current.log || true";

    public static void MapLogSearch(this WebApplication app)
    {
        app.MapGet("/logs/count", async (string term) =>
        {
            var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, UseShellExecute = false };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(Script);
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(term);
            using var sh = Process.Start(psi)!;
            string count = (await sh.StandardOutput.ReadToEndAsync()).Trim();
            return Results.Ok(new { term, count });
        });
    }
}
