// family: cors
// verdict: safe
// why: The predicate compares the whole origin, ignoring case, with each configured origin, so it is an exact-match allow-list.
using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S17;

public static class CorsSetup
{
    public static void AddTrustedCors(this WebApplicationBuilder builder)
    {
        string[] trusted = builder.Configuration.GetSection("Cors:Trusted").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => trusted.Any(t => string.Equals(t, origin, StringComparison.OrdinalIgnoreCase)))
            .AllowCredentials()
            .AllowAnyHeader()));
    }
}
