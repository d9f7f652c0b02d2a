// family: cors
// verdict: safe
// why: Each tenant's single front-end origin is looked up in a dictionary loaded from configuration and compared exactly with the request's Origin.
using System.Collections.Generic;
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Corpus.Cors.S19;

public static class TenantCors
{
    public static void UseTenantCors(this WebApplication app)
    {
        Dictionary<string, string> origins = app.Configuration.GetSection("Tenants:Origins").Get<Dictionary<string, string>>() ?? new();
        app.Use(async (context, next) =>
        {
            string tenant = context.Request.Host.Host.Split('.')[0];
            string origin = context.Request.Headers.Origin.ToString();
            if (origins.TryGetValue(tenant, out string? expected) && string.Equals(origin, expected, StringComparison.Ordinal))
            {
                context.Response.Headers.AccessControlAllowOrigin = expected;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            context.Response.Headers.Append("Vary", "Origin");
            await next();
        });
    }
}
