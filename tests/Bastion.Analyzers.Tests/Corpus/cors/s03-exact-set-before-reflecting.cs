// family: cors
// verdict: safe
// why: The Origin header is reflected only after an exact, ordinal lookup in a fixed set of trusted origins, with Vary: Origin.
using System.Collections.Frozen;
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Corpus.Cors.S03;

public static class AdminCors
{
    private static readonly FrozenSet<string> Allowed = new[] { "https://admin.example.com", "https://ops.example.com" }.ToFrozenSet(StringComparer.Ordinal);

    public static void UseAdminCors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers.Append("Vary", "Origin");
            StringValues origin = context.Request.Headers.Origin;
            if (origin.Count == 1 && Allowed.Contains(origin[0]!))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next();
        });
    }
}
