// family: cors
// verdict: vulnerable
// sink-line: 17
// why: EndsWith("example.com") without a leading dot also accepts https://evilexample.com, which anyone can register, and credentials are allowed.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V03;

public static class CorsSetup
{
    public static void AddCompanyCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("company", policy =>
        {
            policy.SetIsOriginAllowed(origin => origin.EndsWith("example.com", StringComparison.OrdinalIgnoreCase));
            policy.AllowCredentials();
            policy.WithMethods("GET", "POST");
            policy.WithHeaders("Content-Type");
        }));
    }
}
