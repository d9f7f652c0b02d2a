// family: cors
// verdict: vulnerable
// sink-line: 16
// why: The predicate passed as a method group checks the parsed host with EndsWith("example.com") and no dot, so evilexample.com is accepted with credentials.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V14;

public static class CorsSetup
{
    public static void AddCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
            policy.SetIsOriginAllowed(IsCompanyOrigin).AllowCredentials().AllowAnyHeader().AllowAnyMethod()));
    }

    private static bool IsCompanyOrigin(string origin)
    {
        return Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri)
            && uri.Scheme == Uri.UriSchemeHttps
            && uri.Host.EndsWith("example.com", StringComparison.OrdinalIgnoreCase);
    }
}
