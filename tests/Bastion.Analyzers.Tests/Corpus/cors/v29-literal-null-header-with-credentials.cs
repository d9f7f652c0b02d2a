// family: cors
// verdict: vulnerable
// sink-line: 18
// why: Answering `Access-Control-Allow-Origin: null` with credentials grants access to any page that runs in a sandboxed iframe, whatever site it is on.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Cors.V29;

public static class WidgetEndpoints
{
    public static void MapWidget(this WebApplication app)
    {
        app.MapGet("/widget/session", (HttpContext context) =>
        {
            if (context.Request.Headers.Origin == "null")
            {
                context.Response.Headers.AccessControlAllowOrigin = "null";
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            return Results.Ok(new { user = context.User.Identity?.Name, csrf = context.Request.Cookies["csrf"] });
        });
    }
}
