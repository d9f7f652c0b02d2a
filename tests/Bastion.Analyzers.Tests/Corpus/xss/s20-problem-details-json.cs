// family: xss
// verdict: safe
// why: The invalid value is reported in a problem-details JSON response, which browsers do not render as HTML.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S20;

public static class ColorEndpoints
{
    public static void MapColors(this WebApplication app)
    {
        app.MapGet("/colors/{name}", (string name) =>
            name is "red" or "green" or "blue"
                ? Results.Ok(new { name })
                : Results.Problem(detail: $"Unknown color '{name}'.", statusCode: StatusCodes.Status404NotFound));
    }
}
