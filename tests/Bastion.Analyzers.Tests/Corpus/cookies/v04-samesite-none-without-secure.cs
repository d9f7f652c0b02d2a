// family: cookies
// verdict: vulnerable
// sink-line: 17
// why: The widget's session cookie is SameSite=None without Secure, so it travels on cross-site requests and over plain HTTP.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cookies.V04;

public static class WidgetEndpoints
{
    public static void MapWidget(this WebApplication app)
    {
        app.MapGet("/widget/start", (HttpContext context) =>
        {
            string sessionId = System.Guid.NewGuid().ToString("N");
            context.Response.Cookies.Append("widget_session", sessionId, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.None });
            return Results.Content("<div id=\"widget\"></div>", "text/html");
        });
    }
}
