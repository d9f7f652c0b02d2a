// family: sql
// verdict: vulnerable
// sink-line: 28
// why: The raw request body, read with a StreamReader, is appended as a WHERE condition of an export query, so the caller writes SQL directly.
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Corpus.Sql.V12;

public static class ExportEndpoints
{
    public static void MapExport(this WebApplication app)
    {
        app.MapPost("/export/shipments", async (HttpContext context, NpgsqlDataSource db) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            string condition = (await reader.ReadToEndAsync()).Trim();
            string sql = "SELECT id, carrier, status FROM shipments";
            if (condition.Length > 0)
            {
                sql += " WHERE " + condition;
            }

            await using var cmd = db.CreateCommand(sql);
            await using var rows = await cmd.ExecuteReaderAsync();
            var csv = new StringBuilder("id,carrier,status\n");
            while (await rows.ReadAsync())
            {
                csv.Append(rows.GetInt64(0)).Append(',').Append(rows.GetString(1)).Append(',').Append(rows.GetString(2)).Append('\n');
            }

            return Results.Text(csv.ToString(), "text/csv");
        });
    }
}
