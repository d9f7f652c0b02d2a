// family: cors
// verdict: vulnerable
// sink-line: 20
// why: The hand-written check only needs `partner.com` to appear somewhere in the origin, so https://partner.com.evil.net is reflected with credentials.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V12;

public static class PartnerCors
{
    public static void UsePartnerCors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            string origin = context.Request.Headers.Origin.ToString();
            if (origin.IndexOf("partner.com", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
                context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
                context.Response.Headers.Append("Vary", "Origin");
            }

            await next();
        });
    }
}
