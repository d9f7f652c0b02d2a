// family: cors
// verdict: vulnerable
// sink-line: 18
// why: The regex is not anchored, so any origin that merely contains `example.com` somewhere, such as https://example.com.evil.io, matches and gets credentials.
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.Cors.V06;

public static class CorsSetup
{
    private static readonly Regex AllowedOrigin = new(@"https://([a-z0-9-]+\.)*example\.com", RegexOptions.IgnoreCase);

    public static void AddPartnerCors(this WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddPolicy("partners", policy =>
            policy.SetIsOriginAllowed(AllowedOrigin.IsMatch).AllowCredentials().AllowAnyMethod()));
    }
}
