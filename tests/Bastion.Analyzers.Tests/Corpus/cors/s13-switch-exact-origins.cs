// family: cors
// verdict: safe
// why: A switch over exact origin strings decides which origin is reflected, so only those literal origins ever receive credentials.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.S13;

public static class EnvironmentCors
{
    public static void UseEnvironmentCors(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            string origin = context.Request.Headers.Origin.ToString();
            string? allowed = origin switch
            {
                "https://app.example.com" => origin,
                "https://staging.example.com" => origin,
                _ => null,
            };
            if (allowed is not null)
            {
                context.Response.Headers.AccessControlAllowOrigin = allowed;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            context.Response.Headers.Append("Vary", "Origin");
            await next();
        });
    }
}
