// family: process
// verdict: safe
// why: The posted text is written to the standard input of a fixed program; data on stdin is never parsed as a command line.
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.S09;

public static class SpellEndpoints
{
    public static void MapSpell(this WebApplication app)
    {
        app.MapPost("/spell", async (HttpContext context) =>
        {
            using var body = new StreamReader(context.Request.Body);
            string text = await body.ReadToEndAsync();
            var psi = new ProcessStartInfo("/usr/bin/aspell", "list --lang=en")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var aspell = Process.Start(psi)!;
            await aspell.StandardInput.WriteAsync(text);
            aspell.StandardInput.Close();
            string misspelled = await aspell.StandardOutput.ReadToEndAsync();
            return Results.Ok(misspelled.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        });
    }
}
