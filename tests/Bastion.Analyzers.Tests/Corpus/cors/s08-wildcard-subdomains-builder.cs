// family: cors
// verdict: safe
// why: SetIsOriginAllowedToAllowWildcardSubdomains with https://*.example.com matches only real subdomains of example.com over https, a domain the company controls.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S08;

public static class CorsSetup
{
    public static void AddTenantCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("tenants", policy => policy
            .WithOrigins("https://*.example.com")
            .SetIsOriginAllowedToAllowWildcardSubdomains()
            .AllowCredentials()
            .WithMethods("GET", "POST")));
    }
}
