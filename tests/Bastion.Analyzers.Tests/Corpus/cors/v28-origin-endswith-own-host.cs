// family: cors
// verdict: vulnerable
// sink-line: 19
// why: "Same site" is checked with EndsWith on the request's own host, so for example.com the origin https://evilexample.com passes and is reflected with credentials.
using Microsoft.AspNetCore.Builder;

namespace Corpus.Cors.V28;

public static class SameSiteCors
{
    public static void UseSameSiteCors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            string origin = context.Request.Headers.Origin.ToString();
            string host = context.Request.Host.Host;
            if (origin.Length > 0 && origin.EndsWith(host, System.StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next();
        });
    }
}
