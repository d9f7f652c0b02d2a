// family: xss
// verdict: safe
// why: Results.Text without a content type answers text/plain, which browsers display as text and do not parse as HTML.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S03;

public static class EchoEndpoints
{
    public static void MapEcho(this WebApplication app)
    {
        app.MapGet("/echo", (string message) => Results.Text($"You said: {message}"));
    }
}
