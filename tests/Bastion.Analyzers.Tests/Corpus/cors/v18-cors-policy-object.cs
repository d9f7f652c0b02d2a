// family: cors
// verdict: vulnerable
// sink-line: 17
// why: A CorsPolicy built by hand sets IsOriginAllowed to accept everything and SupportsCredentials to true, which is the any-origin-with-credentials policy without the builder's check.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V18;

public static class CorsSetup
{
    public static void AddLegacyCors(this WebApplicationBuilder builder)
    {
        var policy = new CorsPolicy
        {
            IsOriginAllowed = _ => true,
            SupportsCredentials = true,
        };
        policy.Methods.Add("GET");
        policy.Methods.Add("POST");
        policy.Headers.Add("Content-Type");
        builder.Services.AddCors(options => options.AddPolicy("legacy", policy));
    }
}
