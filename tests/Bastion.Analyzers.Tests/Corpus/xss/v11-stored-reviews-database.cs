// family: xss
// verdict: vulnerable
// sink-line: 30
// why: Review text saved by one endpoint is read back from the database by another and written into HTML without encoding.
using System.Data;
using System.Linq;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V11;

public sealed record Review(string Author, string Body);

public static class ReviewEndpoints
{
    public static void MapReviews(this WebApplication app)
    {
        app.MapPost("/products/{id:int}/reviews", async (int id, Review review, IDbConnection db) =>
        {
            await db.ExecuteAsync("INSERT INTO reviews (product_id, author, body) VALUES (@id, @Author, @Body)", new { id, review.Author, review.Body });
            return Results.NoContent();
        });

        app.MapGet("/products/{id:int}/reviews", async (int id, IDbConnection db) =>
        {
            var reviews = await db.QueryAsync<Review>("SELECT author, body FROM reviews WHERE product_id = @id", new { id });
            string items = string.Concat(reviews.Select(r => $"<li><b>{r.Author}</b>: {r.Body}</li>"));
            return Results.Content("<ul class=\"reviews\">" + items + "</ul>", "text/html");
        });
    }
}
