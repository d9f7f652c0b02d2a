// family: cors
// verdict: safe
// why: The regex is anchored at both ends, escapes its dots and fixes the scheme, so only https://example.com and its direct subdomains match.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.S04;

public static class CorsSetup
{
    private static readonly Regex AllowedOrigin = new(@"^https://([a-z0-9-]+\.)?example\.com$", RegexOptions.CultureInvariant);

    public static void AddPartnerCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("partners", policy =>
            policy.SetIsOriginAllowed(AllowedOrigin.IsMatch).AllowCredentials().AllowAnyMethod()));
    }
}
