// family: cors
// verdict: safe
// why: The origin is parsed, must use https on the default port, and its host must be example.com or end with ".example.com", so look-alike registrable domains fail.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S07;

public static class CorsSetup
{
    public static void AddCompanyCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
            policy.SetIsOriginAllowed(IsCompanyOrigin).AllowCredentials().AllowAnyHeader().AllowAnyMethod()));
    }

    private static bool IsCompanyOrigin(string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort)
        {
            return false;
        }

        return uri.Host.Equals("example.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".example.com", StringComparison.OrdinalIgnoreCase);
    }
}
