// family: sql
// verdict: vulnerable
// sink-line: 23
// why: A route value replaces the {{table}} placeholder of a report template, so the caller chooses arbitrary SQL after FROM.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V06;

public static class ReportEndpoints
{
    private const string CountTemplate = "SELECT COUNT(*) FROM {{table}} WHERE created_at >= date('now', '-7 day')";

    public static void MapReports(this WebApplication app)
    {
        app.MapGet("/reports/{table}/weekly-count", (HttpContext context, SqliteConnection db) =>
        {
            string table = (string)context.Request.RouteValues["table"]!;
            string sql = CountTemplate.Replace("{{table}}", table);
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = sql;
            long count = (long)cmd.ExecuteScalar()!;
            return Results.Ok(new { table, count });
        });
    }
}
