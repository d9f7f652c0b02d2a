// family: xss
// verdict: safe
// why: Stored review fields are HTML-encoded with WebUtility.HtmlEncode when the list is rendered.
using System.Data;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.S17;

public sealed record Review(string Author, string Body);

public static class ReviewEndpoints
{
    public static void MapReviews(this WebApplication app)
    {
        app.MapGet("/products/{id:int}/reviews", async (int id, IDbConnection db) =>
        {
            var reviews = await db.QueryAsync<Review>("SELECT author, body FROM reviews WHERE product_id = @id", new { id });
            string items = string.Concat(reviews.Select(r => $"<li><b>{WebUtility.HtmlEncode(r.Author)}</b>: {WebUtility.HtmlEncode(r.Body)}</li>"));
            return Results.Content("<ul class=\"reviews\">" + items + "</ul>", "text/html");
        });
    }
}
