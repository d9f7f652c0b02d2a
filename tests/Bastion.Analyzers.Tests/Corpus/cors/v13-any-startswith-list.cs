// family: cors
// verdict: vulnerable
// sink-line: 24
// why: Accepting an origin when it starts with any listed origin lets https://admin.example.com.evil.org through, and the reflected origin is given credentials.
using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V13;

public static class AdminCors
{
    private static readonly string[] Allowed = ["https://admin.example.com", "https://ops.example.com"];

    public static void UseAdminCors(this WebApplication app)
    {
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            string origin = context.Request.Headers.Origin.ToString();
            bool allowed = Allowed.Any(a => origin.StartsWith(a, StringComparison.OrdinalIgnoreCase));
            if (allowed)
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next(context);
        });
    }
}
