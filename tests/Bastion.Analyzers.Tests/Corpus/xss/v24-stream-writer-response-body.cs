// family: xss
// verdict: vulnerable
// sink-line: 22
// why: A StreamWriter over the response body writes the query's category into an HTML page without encoding.
using System.IO;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V24;

public static class CategoryPages
{
    public static void MapCategory(this WebApplication app)
    {
        app.MapGet("/category", async (HttpContext context) =>
        {
            string category = context.Request.Query["c"].ToString();
            context.Response.ContentType = "text/html";
            await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
            await writer.WriteLineAsync("<html><body>");
            await writer.WriteLineAsync($"<h1>{category}</h1>");
            await writer.WriteLineAsync("</body></html>");
        });
    }
}
