// family: xss
// verdict: safe
// why: Bastion's HtmlText.Encode turns `<`, `>` and bare `&` into entities, which makes the value safe inside an HTML element, where it is used.
using Bastion.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S08;

public static class ContactEndpoints
{
    public static void MapContact(this WebApplication app)
    {
        app.MapPost("/contact", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            string name = HtmlText.Encode(form["name"].ToString());
            return Results.Content("<html><body><p>Thanks, " + name + ". We will reply within two days.</p></body></html>", "text/html");
        });
    }
}
