// family: xss
// verdict: vulnerable
// sink-line: 15
// why: The `name` query parameter is interpolated into an HTML response, so `?name=<script>...</script>` runs in the visitor's browser.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V01;

public static class WelcomeEndpoints
{
    public static void MapWelcome(this WebApplication app)
    {
        app.MapGet("/welcome", (string name) =>
            Results.Content($"<!doctype html><html><body><h1>Hello {name}</h1></body></html>", "text/html"));
    }
}
