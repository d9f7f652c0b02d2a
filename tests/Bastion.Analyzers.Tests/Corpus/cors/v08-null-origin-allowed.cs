// family: cors
// verdict: vulnerable
// sink-line: 19
// why: Listing the origin "null" allows any page that runs in a sandboxed iframe or a data: URL, which send `Origin: null`, to read responses with credentials.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V08;

public static class CorsSetup
{
    public static void AddAppCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options =>
        {
            options.AddPolicy("app", policy =>
            {
                // "null" lets the desktop wrapper (file:// pages) call the API
                policy.WithOrigins("https://app.example.com", "null")
                    .AllowCredentials()
                    .AllowAnyHeader()
                    .AllowAnyMethod();
            });
        });
    }
}
