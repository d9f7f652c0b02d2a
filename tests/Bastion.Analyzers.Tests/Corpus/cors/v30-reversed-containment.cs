// family: cors
// verdict: vulnerable
// sink-line: 19
// why: The check asks whether an allowed origin contains the request's origin, so any prefix such as https://app.example.co, a different registrable domain, is accepted with credentials.
using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V30;

public static class CorsSetup
{
    private static readonly string[] Trusted = ["https://app.example.com", "https://admin.example.com"];

    public static void AddTrustedCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => Trusted.Any(t => t.Contains(origin, StringComparison.OrdinalIgnoreCase)))
            .AllowCredentials()
            .AllowAnyHeader()));
    }
}
