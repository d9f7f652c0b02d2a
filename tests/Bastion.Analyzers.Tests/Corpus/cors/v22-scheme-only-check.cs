// family: cors
// verdict: vulnerable
// sink-line: 17
// why: Requiring only the https scheme accepts every https site on the internet, and credentials are allowed.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V22;

public static class CorsSetup
{
    public static void AddSecureOnlyCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options =>
            options.AddDefaultPolicy(policy => policy
                .SetIsOriginAllowed(origin => origin.StartsWith("https://", StringComparison.Ordinal))
                .AllowCredentials()
                .AllowAnyHeader()
                .AllowAnyMethod()));
    }
}
