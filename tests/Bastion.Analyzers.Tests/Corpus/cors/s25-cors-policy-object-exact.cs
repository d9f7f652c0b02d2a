// family: cors
// verdict: safe
// why: The hand-built CorsPolicy lists its origins exactly and leaves IsOriginAllowed at its default exact comparison, so credentials go only to those origins.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S25;

public static class CorsSetup
{
    public static void AddLegacyCors(this WebApplicationBuilder builder)
    {
        var policy = new CorsPolicy { SupportsCredentials = true };
        policy.Origins.Add("https://legacy.example.com");
        policy.Origins.Add("https://app.example.com");
        policy.Methods.Add("GET");
        policy.Methods.Add("POST");
        policy.Headers.Add("Content-Type");
        builder.Services.AddCors(options => options.AddPolicy("legacy", policy));
    }
}
