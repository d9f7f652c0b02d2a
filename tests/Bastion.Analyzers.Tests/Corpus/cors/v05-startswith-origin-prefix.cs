// family: cors
// verdict: vulnerable
// sink-line: 17
// why: StartsWith("https://app.example.com") is also true for https://app.example.com.attacker.net, an origin the attacker controls.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V05;

public static class CorsSetup
{
    private const string Frontend = "https://app.example.com";

    public static IServiceCollection AddSpaCors(this IServiceCollection services) => services.AddCors(options =>
        options.AddPolicy("spa", policy => policy
            .SetIsOriginAllowed(origin => origin.StartsWith(Frontend, StringComparison.Ordinal))
            .AllowCredentials()
            .WithHeaders("Content-Type", "X-CSRF-TOKEN")
            .WithMethods("GET", "POST", "DELETE")));
}
