// family: cors
// verdict: vulnerable
// sink-line: 15
// why: The plain-http origin is trusted with credentials, so a network attacker who injects script into http://app.example.com can read the API's authenticated responses.
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V24;

public static class CorsSetup
{
    public static void AddAppCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("app", policy => policy
            .WithOrigins("https://app.example.com", "http://app.example.com")
            .AllowCredentials()
            .AllowAnyHeader()));
    }
}
