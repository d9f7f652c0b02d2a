// family: sql
// verdict: vulnerable
// sink-line: 20
// why: The minimal-API query parameter `name` is interpolated into the SQL text of a SqliteCommand, so a quote in it ends the string literal.
using System.Collections.Generic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V01;

public static class CustomerEndpoints
{
    public static void MapCustomers(this WebApplication app)
    {
        app.MapGet("/customers/by-name", (string name, SqliteConnection db) =>
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT id, name, email FROM customers WHERE name = '{name}'";
            using var reader = cmd.ExecuteReader();
            var result = new List<object>();
            while (reader.Read())
            {
                result.Add(new { Id = reader.GetInt64(0), Name = reader.GetString(1), Email = reader.GetString(2) });
            }

            return Results.Ok(result);
        });
    }
}
