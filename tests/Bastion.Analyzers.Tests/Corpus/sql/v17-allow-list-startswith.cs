// family: sql
// verdict: vulnerable
// sink-line: 28
// why: The column check only requires the value to start with an allowed name, so `price; DROP TABLE items` passes and reaches the SQL text.
using System;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V17;

[ApiController]
[Route("api/items")]
public sealed class ItemsController(SqliteConnection connection) : ControllerBase
{
    private static readonly string[] Columns = ["name", "price", "created"];

    [HttpGet]
    public IActionResult List([FromQuery] string orderBy = "name")
    {
        if (!Columns.Any(c => orderBy.StartsWith(c, StringComparison.OrdinalIgnoreCase)))
        {
            return BadRequest();
        }

        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT id, name, price FROM items ORDER BY {orderBy}";
        using SqliteDataReader reader = command.ExecuteReader();
        int count = 0;
        while (reader.Read())
        {
            count++;
        }

        return Ok(count);
    }
}
