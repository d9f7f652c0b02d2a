// family: xss
// verdict: vulnerable
// sink-line: 19
// why: The city is HTML-encoded but the note next to it is not, so the note parameter still injects markup.
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V14;

public static class WeatherPage
{
    public static void MapWeatherPage(this WebApplication app)
    {
        app.MapGet("/weather", (string city, string? note) =>
        {
            string safeCity = HtmlEncoder.Default.Encode(city);
            string html = $"<h1>Weather in {safeCity}</h1><p class=\"note\">{note}</p>";
            return Results.Content(html, "text/html");
        });
    }
}
