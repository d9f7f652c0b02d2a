// family: sql
// verdict: vulnerable
// sink-line: 22
// why: The page size is taken from the query string as text and appended after LIMIT, where a subquery or a second statement can be written.
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V24;

public static class FeedEndpoints
{
    public static void MapFeed(this WebApplication app)
    {
        app.MapGet("/feed", (HttpContext http, SqliteConnection db) =>
        {
            string size = http.Request.Query["pageSize"].FirstOrDefault() ?? "20";
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
