// family: cors
// verdict: vulnerable
// sink-line: 16
// why: The policy built with a CorsPolicyBuilder accepts any origin through SetIsOriginAllowed and allows credentials, and it is registered as the default policy.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V19;

public static class CorsSetup
{
    private static CorsPolicy BuildPolicy()
    {
        var builder = new CorsPolicyBuilder();
        builder.SetIsOriginAllowed(static _ => true);
        builder.AllowAnyHeader().AllowAnyMethod().AllowCredentials();
        return builder.Build();
    }

    public static void AddApiCors(this WebApplicationBuilder app)
    {
        app.Services.AddCors(options => options.AddDefaultPolicy(BuildPolicy()));
    }
}
