// family: process
// verdict: vulnerable
// sink-line: 20
// why: The posted message is placed inside double quotes of a bash -c pipeline, and double quotes still expand `$(...)` and backticks.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V12;

public static class FeedbackEndpoints
{
    public static void MapFeedback(this WebApplication app)
    {
        app.MapPost("/feedback", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            string message = form["message"].ToString().Replace("\"", "\\\"");
            var bash = new ProcessStartInfo("/bin/bash", new[] { "-c", $"echo \"{message}\" | mail -s feedback support@example.com" });
            using var process = Process.Start(bash)!;
            await process.WaitForExitAsync();
            return Results.Ok();
        });
    }
}
