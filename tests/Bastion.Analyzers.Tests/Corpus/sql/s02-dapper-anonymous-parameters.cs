// family: sql
// verdict: safe
// why: Dapper sends the status and the limit as parameters taken from the anonymous object; the SQL text never contains request data.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S02;

public sealed record Order(long Id, string Status, decimal Total);

public static class OrderHandlers
{
    public static void Map(WebApplication app) => app.MapGet("/orders", ListOrders);

    public static async Task<IResult> ListOrders(string status, int? limit, IDbConnection db)
    {
        int take = limit is > 0 and <= 500 ? limit.Value : 100;
        var orders = await db.QueryAsync<Order>(
            "SELECT id, status, total FROM orders WHERE status = @status ORDER BY id DESC LIMIT @take",
            new { status, take });
        return Results.Ok(orders);
    }
}
