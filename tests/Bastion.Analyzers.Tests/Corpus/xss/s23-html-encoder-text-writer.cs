// family: xss
// verdict: safe
// why: The value is written through HtmlEncoder.Encode(TextWriter, string), which encodes it as it is written into the HTML stream.
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S23;

public static class CategoryPages
{
    public static void MapCategory(this WebApplication app)
    {
        app.MapGet("/category", async (HttpContext context) =>
        {
            string category = context.Request.Query["c"].ToString();
            context.Response.ContentType = "text/html";
            await using var writer = new StreamWriter(context.Response.Body, new UTF8Encoding(false));
            await writer.WriteAsync("<html><body><h1>");
            HtmlEncoder.Default.Encode(writer, category);
            await writer.WriteAsync("</h1></body></html>");
        });
    }
}
