// family: cors
// verdict: vulnerable
// sink-line: 19
// why: The predicate adds the literal origin "null" to an exact list, and sandboxed iframes on any site send `Origin: null`, so they read responses with credentials.
using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V17;

public static class CorsSetup
{
    private static readonly HashSet<string> Origins = new(StringComparer.Ordinal) { "https://app.example.com", "https://beta.example.com" };

    public static void AddAppCors(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy("app", policy => policy
            .SetIsOriginAllowed(origin => origin == "null" || Origins.Contains(origin))
            .AllowCredentials()
            .WithMethods("GET", "POST")));
    }
}
