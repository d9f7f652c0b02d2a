// family: xss
// verdict: safe
// why: System.Text.Json's default encoder escapes `<`, `>`, `&` and quotes, so the serialized state cannot break out of the script element.
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S16;

public sealed record InitialState(string Query, int Page);

public static class SpaShell
{
    public static void MapSpaShell(this WebApplication app)
    {
        app.MapGet("/app", (string? q, int? page) =>
        {
            string state = JsonSerializer.Serialize(new InitialState(q ?? "", page ?? 1));
            string html = "<html><body><div id=\"root\"></div><script>window.__STATE__ = " + state + ";</script><script src=\"/app.js\"></script></body></html>";
            return Results.Content(html, "text/html");
        });
    }
}
