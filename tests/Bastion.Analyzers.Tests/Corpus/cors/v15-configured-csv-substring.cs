// family: cors
// verdict: vulnerable
// sink-line: 17
// why: Checking the origin with Contains on the comma-separated setting is a substring test, so https://app.example.co (a different, registrable domain) passes.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V15;

public static class CorsSetup
{
    public static void AddConfiguredCors(this WebApplicationBuilder builder)
    {
        string allowed = builder.Configuration["Cors:AllowedOrigins"] ?? "https://app.example.com,https://admin.example.com";
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .SetIsOriginAllowed(origin => allowed.Contains(origin))
            .AllowCredentials()
            .AllowAnyHeader()));
    }
}
