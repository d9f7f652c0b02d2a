// family: xss
// verdict: vulnerable
// sink-line: 19
// why: The posted name is echoed into the thank-you page; a cross-site form can post `<img src=x onerror=...>` and the browser renders it.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V08;

public static class ContactEndpoints
{
    public static void MapContact(this WebApplication app)
    {
        app.MapPost("/contact", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            string name = form["name"].ToString();
            string page = "<html><body><p>Thanks, " + name + ". We will reply within two days.</p></body></html>";
            return Results.Content(page, "text/html");
        });
    }
}
