// family: sql
// verdict: safe
// why: The header is parsed with Guid.TryParse and only the Guid's own "D" formatting reaches the SQL, which contains hex digits and dashes only.
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.S13;

public static class CorrelationEndpoints
{
    public static void MapTrace(this WebApplication app)
    {
        app.MapGet("/trace", (HttpContext context, SqliteConnection db) =>
        {
            if (!Guid.TryParse(context.Request.Headers["X-Correlation-Id"], out Guid correlation))
            {
                return Results.BadRequest();
            }

            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT COUNT(*) FROM request_log WHERE correlation_id = '{correlation:D}'";
            return Results.Ok((long)cmd.ExecuteScalar()!);
        });
    }
}
