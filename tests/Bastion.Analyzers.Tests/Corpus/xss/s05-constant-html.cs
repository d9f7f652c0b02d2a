// family: xss
// verdict: safe
// why: The HTML is a constant; the request only decides which of two constant pages is served.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S05;

public static class MaintenancePage
{
    private const string Down = "<html><body><h1>Down for maintenance</h1><p>Back at 06:00 UTC.</p></body></html>";
    private const string Up = "<html><body><h1>All systems normal</h1></body></html>";

    public static void MapStatusPage(this WebApplication app)
    {
        app.MapGet("/status-page", (HttpRequest request) =>
            Results.Content(request.Query.ContainsKey("maintenance") ? Down : Up, "text/html"));
    }
}
