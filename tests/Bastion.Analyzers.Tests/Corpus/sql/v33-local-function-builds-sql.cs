// family: sql
// verdict: vulnerable
// sink-line: 26
// why: A local function inside the handler builds the SQL from the `author` argument it is called with, and the caller passes the raw query value.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V33;

public static class BookEndpoints
{
    public static void MapBooks(this WebApplication app)
    {
        app.MapGet("/books", async (string? author, IDbConnection db) =>
        {
            string Sql(string who) => "SELECT isbn, title FROM books WHERE author = '" + who + "' ORDER BY title";

            if (author is null)
            {
                return Results.BadRequest();
            }

            var books = await db.QueryAsync(Sql(author));
            return Results.Ok(books);
        });
    }
}
