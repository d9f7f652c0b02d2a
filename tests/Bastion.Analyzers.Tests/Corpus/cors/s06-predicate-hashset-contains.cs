// family: cors
// verdict: safe
// why: SetIsOriginAllowed uses an exact HashSet lookup of full origins, so look-alike domains do not match.
using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S06;

public static class CorsSetup
{
    private static readonly HashSet<string> Origins = new(StringComparer.OrdinalIgnoreCase) { "https://app.example.com", "https://beta.example.com" };

    public static void AddAppCors(this IServiceCollection services)
    {
        services.AddCors(options => options.AddPolicy("app", policy => policy
            .SetIsOriginAllowed(origin => Origins.Contains(origin))
            .AllowCredentials()
            .WithMethods("GET", "POST")));
    }
}
