// family: xss
// verdict: safe
// why: Every stored comment field is passed through HtmlEncoder before it is appended to the page.
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S13;

public sealed record NewComment(string Author, string Text);

public static class CommentEndpoints
{
    private static readonly ConcurrentQueue<NewComment> Comments = new();

    public static void MapComments(this WebApplication app)
    {
        app.MapPost("/api/comments", (NewComment comment) =>
        {
            Comments.Enqueue(comment);
            return Results.Created("/comments", null);
        });

        app.MapGet("/comments", () =>
        {
            HtmlEncoder encoder = HtmlEncoder.Default;
            var html = new StringBuilder("<html><body><h1>Comments</h1>");
            foreach (NewComment c in Comments)
            {
                html.Append("<article><h3>").Append(encoder.Encode(c.Author)).Append("</h3><p>").Append(encoder.Encode(c.Text)).Append("</p></article>");
            }

            return Results.Content(html.Append("</body></html>").ToString(), "text/html");
        });
    }
}
