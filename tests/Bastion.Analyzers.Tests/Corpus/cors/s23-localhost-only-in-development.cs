// family: cors
// verdict: safe
// why: The localhost origin is added only when the environment is Development; in production the policy is a single exact https origin.
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Corpus.Cors.S23;

public static class CorsSetup
{
    public static void AddSpaCors(this WebApplicationBuilder builder)
    {
        var origins = new List<string> { "https://app.example.com" };
        if (builder.Environment.IsDevelopment())
        {
            origins.Add("http://localhost:5173");
        }

        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins([.. origins])
            .AllowCredentials()
            .AllowAnyHeader()));
    }
}
