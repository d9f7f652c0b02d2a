// family: sql
// verdict: safe
// why: The CommandDefinition holds constant SQL and an anonymous parameter object built from the query values.
using System.Data;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S11;

public sealed record SalesTotal(string Region, decimal Amount);

public static class SalesEndpoints
{
    private const string TotalsSql = "SELECT region, SUM(amount) AS amount FROM sales WHERE region = @region GROUP BY region";

    public static void MapSales(this WebApplication app)
    {
        app.MapGet("/sales/totals", async (string region, IDbConnection db, CancellationToken ct) =>
        {
            var command = new CommandDefinition(TotalsSql, new { region }, cancellationToken: ct);
            var totals = await db.QueryAsync<SalesTotal>(command);
            return Results.Ok(totals);
        });
    }
}
