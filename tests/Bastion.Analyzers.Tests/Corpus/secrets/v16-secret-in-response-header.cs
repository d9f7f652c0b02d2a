// family: secrets
// verdict: vulnerable
// sink-line: 20
// why: Middleware copies the internal service token from configuration into a response header that every client receives.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Corpus.Secrets.V16;

public static class DebugHeaders
{
    public static void UseDebugHeaders(this WebApplication app)
    {
        string serviceToken = app.Configuration["Internal:ServiceToken"] ?? "";
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Debug-Node"] = System.Environment.MachineName;
                context.Response.Headers["X-Debug-Token"] = serviceToken;
                return System.Threading.Tasks.Task.CompletedTask;
            });
            await next(context);
        });
    }
}
