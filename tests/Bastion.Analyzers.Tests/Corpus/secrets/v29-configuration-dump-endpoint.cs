// family: secrets
// verdict: vulnerable
// sink-line: 20
// why: The endpoint writes every configuration key and value to the response, which includes connection strings, passwords and API keys.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Corpus.Secrets.V29;

public static class ConfigDump
{
    public static void MapConfigDump(this WebApplication app)
    {
        app.MapGet("/_config", async (HttpContext context, IConfiguration configuration) =>
        {
            context.Response.ContentType = "text/plain";
            foreach (var (key, value) in configuration.AsEnumerable())
            {
                await context.Response.WriteAsync($"{key} = {value}\n");
            }
        });
    }
}
