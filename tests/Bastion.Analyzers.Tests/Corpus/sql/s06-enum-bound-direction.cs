// family: sql
// verdict: safe
// why: The direction is an enum parameter and only the constants "ASC" or "DESC" are written into the SQL; the search text is a parameter.
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.S06;

public enum SortDirection
{
    Ascending,
    Descending,
}

public static class EventEndpoints
{
    public static void MapEvents(this WebApplication app)
    {
        app.MapGet("/events", (string? title, SortDirection direction, SqliteConnection db) =>
        {
            string dir = direction == SortDirection.Descending ? "DESC" : "ASC";
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT id, title FROM events WHERE title LIKE $title ORDER BY starts_at " + dir;
            cmd.Parameters.AddWithValue("$title", "%" + (title ?? "") + "%");
            var titles = new List<string>();
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                titles.Add(reader.GetString(1));
            }

            return Results.Ok(titles);
        });
    }
}
