// family: secrets
// verdict: vulnerable
// sink-line: 28
// why: The [Secret] ApiKey is copied into an anonymous object returned as JSON to any caller of the status endpoint.
using Bastion;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Corpus.Secrets.V09;

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
            return Results.Json(new { current.Endpoint, current.ApiKey, healthy = true });
        });
    }
}
