// family: cors
// verdict: safe
// why: SetIsOriginAllowed(_ => true) without AllowCredentials reflects any origin but browsers then send no cookies, so only public documentation is readable.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S12;

public static class DocsCors
{
    public static void AddDocsCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("docs", policy => policy
            .SetIsOriginAllowed(_ => true)
            .WithMethods("GET")
            .WithHeaders("Accept")));
    }
}
