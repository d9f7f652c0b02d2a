// family: secrets
// verdict: vulnerable
// sink-line: 27
// why: The server's [Secret] API key for the analytics vendor is handed to every browser in a cookie.
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V32;

[BastionOptions("Analytics")]
public sealed partial class AnalyticsOptions
{
    public string Site { get; set; } = "";

    [Secret]
    public string ServerKey { get; set; } = "";
}

public static class AnalyticsBootstrap
{
    public static void MapAnalyticsBootstrap(this WebApplication app)
    {
        app.MapGet("/analytics/bootstrap", (HttpContext context, IOptions<AnalyticsOptions> options) =>
        {
            context.Response.Cookies.Append("ax_key", options.Value.ServerKey, new CookieOptions { Secure = true, SameSite = SameSiteMode.Strict });
            return Results.Ok(new { site = options.Value.Site });
        });
    }
}
