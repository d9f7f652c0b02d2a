// family: sql
// verdict: safe
// why: The name reaches SQLite only as the value of the $name parameter; the command text is a constant.
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.S01;

public static class CustomerEndpoints
{
    public static void MapCustomers(this WebApplication app)
    {
        app.MapGet("/customers/by-name", (string name, SqliteConnection db) =>
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT id, name, email FROM customers WHERE name = $name";
            cmd.Parameters.AddWithValue("$name", name);
            using var reader = cmd.ExecuteReader();
            var result = new List<object>();
            while (reader.Read())
            {
                result.Add(new { Id = reader.GetInt64(0), Name = reader.GetString(1) });
            }

            return Results.Ok(result);
        });
    }
}
