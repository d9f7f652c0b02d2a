// family: sql
// verdict: vulnerable
// sink-line: 22
// why: The `year` query value is kept as a string and concatenated into two statements run by QueryMultiple, so it is injected unquoted.
using System.Data;
using System.Linq;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V23;

public static class DashboardEndpoints
{
    public static void MapDashboard(this WebApplication app)
    {
        app.MapGet("/dashboard", (HttpRequest request, IDbConnection db) =>
        {
            string year = request.Query.TryGetValue("year", out var values) ? values.ToString() : "2024";
            string sql = "SELECT COUNT(*) FROM orders WHERE year = " + year + ";"
                + "SELECT COALESCE(SUM(total), 0) FROM orders WHERE year = " + year + ";";
            using var grid = db.QueryMultiple(sql);
            long count = grid.Read<long>().Single();
            decimal revenue = grid.Read<decimal>().Single();
            return Results.Ok(new { count, revenue });
        });
    }
}
