// family: cors
// verdict: safe
// why: The middleware reflects the Origin only when it is exactly the configured front-end origin, compared ordinally.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Corpus.Cors.S09;

public static class FrontendCors
{
    public static void UseFrontendCors(this WebApplication app)
    {
        string frontend = app.Configuration["Frontend:Origin"] ?? "https://app.example.com";
        app.Use(async (context, next) =>
        {
            string origin = context.Request.Headers.Origin.ToString();
            if (string.Equals(origin, frontend, StringComparison.Ordinal))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
                context.Response.Headers.Vary = "Origin";
            }

            await next();
        });
    }
}
