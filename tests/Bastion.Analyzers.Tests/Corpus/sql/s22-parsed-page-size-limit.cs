// family: sql
// verdict: safe
// why: The page size is parsed with int.TryParse and clamped to 1..100, so only digits of a bounded integer follow LIMIT.
using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.S22;

public static class FeedEndpoints
{
    public static void MapFeed(this WebApplication app)
    {
        app.MapGet("/feed", (HttpContext http, SqliteConnection db) =>
        {
            int size = int.TryParse(http.Request.Query["pageSize"], out int parsed) ? Math.Clamp(parsed, 1, 100) : 20;
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT id, headline FROM posts WHERE published = 1 ORDER BY id DESC LIMIT " + size;
            var items = new List<string>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                items.Add(r.GetString(1));
            }

            return Results.Ok(items);
        });
    }
}
