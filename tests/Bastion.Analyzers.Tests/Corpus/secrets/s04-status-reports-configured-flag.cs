// family: secrets
// verdict: safe
// why: The status response says whether a key is configured (a bool) and shows the endpoint, but never the [Secret] value itself.
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.S04;

[BastionOptions("Maps")]
public sealed partial class MapsOptions
{
    public string Endpoint { get; set; } = "";

    [Secret]
    public string ApiKey { get; set; } = "";
}

public static class StatusEndpoints
{
    public static void MapStatus(this WebApplication app)
    {
        app.MapGet("/status/maps", (IOptionsMonitor<MapsOptions> maps) =>
        {
            MapsOptions current = maps.CurrentValue;
            return Results.Json(new { current.Endpoint, keyConfigured = !string.IsNullOrEmpty(current.ApiKey), healthy = true });
        });
    }
}
