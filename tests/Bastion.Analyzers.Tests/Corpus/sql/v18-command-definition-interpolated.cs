// family: sql
// verdict: vulnerable
// sink-line: 22
// why: The interpolated string given to Dapper's CommandDefinition is ordinary string formatting, so the `region` query value becomes part of the SQL.
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V18;

public sealed record SalesTotal(string Region, decimal Amount);

public static class SalesEndpoints
{
    public static void MapSales(this WebApplication app)
    {
        app.MapGet("/sales/totals", async (string region, IDbConnection db, CancellationToken ct) =>
        {
            var command = new CommandDefinition($"SELECT region, SUM(amount) AS amount FROM sales WHERE region = '{region}' GROUP BY region", cancellationToken: ct);
            var totals = await db.QueryAsync<SalesTotal>(command);
            return Results.Ok(totals);
        });
    }
}
