// family: sql
// verdict: vulnerable
// sink-line: 28
// why: The sort column read from Request.Query is concatenated into an ORDER BY clause passed to Dapper, where no parameter can protect it.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V02;

public sealed record Product(long Id, string Name, decimal Price);

public static class ProductEndpoints
{
    public static void MapProducts(this WebApplication app)
    {
        app.MapGet("/products", async (HttpContext context, IDbConnection db) =>
        {
            string sort = context.Request.Query["sort"].ToString();
            if (string.IsNullOrEmpty(sort))
            {
                sort = "name";
            }

            string sql = "SELECT id, name, price FROM products ORDER BY " + sort;
            var products = await db.QueryAsync<Product>(sql);
            return Results.Ok(products);
        });
    }
}
