// family: cors
// verdict: safe
// why: The open-data endpoints allow any origin without credentials and only GET, which is the standard setting for public APIs.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.S11;

public static class OpenDataEndpoints
{
    public static void MapOpenData(this WebApplication app)
    {
        var open = app.MapGroup("/open-data");
        open.RequireCors(policy => policy.AllowAnyOrigin().WithMethods("GET"));
        open.MapGet("/stations", () => Results.Ok(new[] { "Central", "North" }));
        open.MapGet("/timetable/{station}", (string station) => Results.Ok(new { station, departures = new[] { "08:10", "08:40" } }));
    }
}
