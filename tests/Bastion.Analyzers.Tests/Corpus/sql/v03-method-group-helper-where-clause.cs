// family: sql
// verdict: vulnerable
// sink-line: 24
// why: A method-group handler passes its `status` argument to a helper that quotes it into a WHERE clause without escaping, and the result is run by Dapper.
using System.Collections.Generic;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Corpus.Sql.V03;

public sealed record Order(long Id, string Status, decimal Total);

public static class OrderHandlers
{
    public static void Map(WebApplication app) => app.MapGet("/orders", ListOrders);

    public static async Task<IResult> ListOrders(string? status, NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        string sql = "SELECT id, status, total FROM orders " + BuildFilter(status) + " ORDER BY id DESC LIMIT 100";
        IEnumerable<Order> orders = await connection.QueryAsync<Order>(sql);
        return Results.Ok(orders);
    }

    private static string BuildFilter(string? status)
    {
        if (string.IsNullOrWhiteSpace(status))
        {
            return string.Empty;
        }

        return "WHERE status = '" + status.Trim() + "'";
    }
}
