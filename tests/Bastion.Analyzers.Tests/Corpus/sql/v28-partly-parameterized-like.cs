// family: sql
// verdict: vulnerable
// sink-line: 20
// why: The tenant id is a parameter but the search text is interpolated next to it, so the query is still injectable through `q`.
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V28;

public static class NoteEndpoints
{
    public static void MapNotes(this WebApplication app)
    {
        app.MapGet("/tenants/{tenantId:int}/notes", (int tenantId, string q, SqliteConnection db) =>
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT id, body FROM notes WHERE tenant_id = $tenant AND body LIKE '%{q}%'";
            cmd.Parameters.AddWithValue("$tenant", tenantId);
            var notes = new List<string>();
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                notes.Add(reader.GetString(1));
            }

            return Results.Ok(notes);
        });
    }
}
