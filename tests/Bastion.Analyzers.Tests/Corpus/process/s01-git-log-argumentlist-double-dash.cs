// family: process
// verdict: safe
// why: git is started directly (no shell) with one ArgumentList entry per argument, and the requested path comes after `--`, so it can only be a path operand.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S01;

public static class HistoryEndpoints
{
    public static void MapHistory(this WebApplication app)
    {
        app.MapGet("/repo/history", async (string path) =>
        {
            var psi = new ProcessStartInfo("/usr/bin/git")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = "/srv/repos/main",
            };
            foreach (string arg in new[] { "log", "--oneline", "-n", "20", "--", path })
            {
                psi.ArgumentList.Add(arg);
            }

            using var git = Process.Start(psi)!;
            string log = await git.StandardOutput.ReadToEndAsync();
            await git.WaitForExitAsync();
            return Results.Text(log);
        });
    }
}
