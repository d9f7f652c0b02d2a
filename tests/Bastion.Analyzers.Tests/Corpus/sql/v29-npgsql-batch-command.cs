// family: sql
// verdict: vulnerable
// sink-line: 19
// why: The label from the route is concatenated into the text of an NpgsqlBatchCommand, which is executed like any other command text.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Corpus.Sql.V29;

public static class ArchiveEndpoints
{
    public static void MapArchive(this WebApplication app)
    {
        app.MapPost("/projects/{label}/archive", async (string label, NpgsqlDataSource db) =>
        {
            await using var batch = db.CreateBatch();
            batch.BatchCommands.Add(new NpgsqlBatchCommand("UPDATE projects SET archived = true WHERE label = '" + label + "'"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("INSERT INTO audit(action) VALUES ('archive')"));
            await batch.ExecuteNonQueryAsync();
            return Results.NoContent();
        });
    }
}
