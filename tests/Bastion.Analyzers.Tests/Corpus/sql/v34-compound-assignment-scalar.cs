// family: sql
// verdict: vulnerable
// sink-line: 30
// why: The `from` and `to` dates are appended with += as text to the statement passed to ExecuteScalarAsync, so either one can carry SQL.
using System.Data.Common;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V34;

public static class RevenueEndpoints
{
    public static void MapRevenue(this WebApplication app)
    {
        app.MapGet("/revenue", async (string? from, string? to, DbConnection db) =>
        {
            string sql = "SELECT COALESCE(SUM(amount), 0) FROM payments WHERE status = 'settled'";
            if (from is not null)
            {
                sql += " AND paid_at >= '" + from + "'";
            }

            if (to is not null)
            {
                sql += " AND paid_at < '" + to + "'";
            }

            decimal total = await db.ExecuteScalarAsync<decimal>(sql);
            return Results.Ok(new { total });
        });
    }
}
