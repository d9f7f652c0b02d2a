// family: xss
// verdict: safe
// why: The theme is mapped to one of three constant stylesheet names before it is written into the page.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S10;

public static class ThemedHome
{
    public static void MapThemedHome(this WebApplication app)
    {
        app.MapGet("/", (string? theme) =>
        {
            string stylesheet = theme switch
            {
                "dark" => "dark.css",
                "contrast" => "contrast.css",
                _ => "light.css",
            };
            return Results.Content($"<html><head><link rel=\"stylesheet\" href=\"/css/{stylesheet}\"></head><body>Welcome</body></html>", "text/html");
        });
    }
}
