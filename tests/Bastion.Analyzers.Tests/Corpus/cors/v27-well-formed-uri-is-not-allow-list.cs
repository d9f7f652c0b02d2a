// family: cors
// verdict: vulnerable
// sink-line: 19
// why: Checking that the origin is a well-formed absolute URI accepts every real origin, so the reflection with credentials is open to all sites.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V27;

public static class CorsSetup
{
    private static bool IsValidOrigin(string origin) => Uri.IsWellFormedUriString(origin, UriKind.Absolute);

    public static void AddValidatedCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
        {
            policy.SetIsOriginAllowed(IsValidOrigin);
            policy.AllowCredentials().AllowAnyHeader().WithMethods("GET", "POST");
        }));
    }
}
