// family: sql
// verdict: vulnerable
// sink-line: 23
// why: Doubling single quotes does not help when the value is placed without quotes, so `0 UNION SELECT password FROM users` passes the escaping unchanged.
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V14;

public static class StockEndpoints
{
    private static string Escape(string value) => value.Replace("'", "''");

    public static void MapStock(this WebApplication app)
    {
        app.MapGet("/stock", async (string warehouse, string minimum, SqliteConnection db) =>
        {
            string sql = "SELECT sku, quantity FROM stock WHERE warehouse = '" + Escape(warehouse) + "'"
                + " AND quantity >= " + Escape(minimum);
            var rows = await db.QueryAsync(sql);
            return Results.Ok(rows);
        });
    }
}
