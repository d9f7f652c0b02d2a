// family: xss
// verdict: safe
// why: The query value is returned inside a JSON object; application/json is not rendered as HTML and System.Text.Json escapes markup characters.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S04;

public static class SearchApi
{
    public static void MapSearchApi(this WebApplication app)
    {
        app.MapGet("/api/search", (string q) => Results.Ok(new { query = q, results = new[] { "Getting started", "Pricing" } }));
    }
}
