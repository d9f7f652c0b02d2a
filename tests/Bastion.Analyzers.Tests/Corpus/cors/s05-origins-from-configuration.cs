// family: cors
// verdict: safe
// why: The allowed origins are an exact list from server configuration handed to WithOrigins, and the request cannot influence that list.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S05;

public static class CorsSetup
{
    public static void AddConfiguredCors(this WebApplicationBuilder builder)
    {
        string[] origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .AllowCredentials()
            .AllowAnyHeader()));
    }
}
