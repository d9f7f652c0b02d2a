// family: sql
// verdict: safe
// why: The requested sort is mapped by a switch expression to one of three constant column names, with a constant default, before it is put into ORDER BY.
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S04;

public static class ProductEndpoints
{
    public static void MapProducts(this WebApplication app)
    {
        app.MapGet("/products", (HttpContext context, IDbConnection db) =>
        {
            string column = context.Request.Query["sort"].ToString() switch
            {
                "price" => "price",
                "newest" => "created_at DESC",
                "name" => "name",
                _ => "id",
            };

            var products = db.Query("SELECT id, name, price FROM products ORDER BY " + column);
            return Results.Ok(products);
        });
    }
}
