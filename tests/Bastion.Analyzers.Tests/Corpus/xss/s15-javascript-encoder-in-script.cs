// family: xss
// verdict: safe
// why: JavaScriptEncoder escapes quotes, backslashes and `<`, so the value stays inside its string literal and cannot close the script element.
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S15;

public static class AnalyticsPage
{
    public static void MapLanding(this WebApplication app)
    {
        app.MapGet("/landing", (string? campaign) =>
        {
            string encoded = JavaScriptEncoder.Default.Encode(campaign ?? "none");
            string html = $"<html><body><script>window.campaign = \"{encoded}\";</script><h1>Welcome</h1></body></html>";
            return Results.Content(html, "text/html");
        });
    }
}
