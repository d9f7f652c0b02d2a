// family: xss
// verdict: vulnerable
// sink-line: 34
// why: Comments posted as JSON are stored and later written raw into the HTML page every visitor loads (stored XSS).
using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V10;

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
            var html = new StringBuilder("<html><body><h1>Comments</h1>");
            foreach (NewComment c in Comments)
            {
                html.Append($"<article><h3>{c.Author}</h3><p>{c.Text}</p></article>");
            }

            return Results.Content(html.Append("</body></html>").ToString(), "text/html");
        });
    }
}
