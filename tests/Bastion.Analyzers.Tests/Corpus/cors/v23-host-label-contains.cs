// family: cors
// verdict: vulnerable
// sink-line: 17
// why: Accepting any host with a label equal to "example" lets example.attacker.net in, and the policy allows credentials.
using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V23;

public static class CorsSetup
{
    public static void AddBrandCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("brand", policy => policy
            .SetIsOriginAllowed(origin => new Uri(origin).Host.Split('.').Contains("example"))
            .AllowCredentials()
            .WithMethods("GET")));
    }
}
