// family: sql
// verdict: safe
// why: The IN list is made of generated parameter names (@id0, @id1, ...) and every id is added as a parameter value, so the text holds no request data.
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Corpus.Sql.S08;

[ApiController]
[Route("api/users")]
public sealed class UserLookupController(NpgsqlDataSource dataSource) : ControllerBase
{
    [HttpPost("lookup")]
    public IActionResult Lookup([FromBody] List<string> userNames)
    {
        if (userNames.Count == 0 || userNames.Count > 50)
        {
            return BadRequest();
        }

        using NpgsqlCommand cmd = dataSource.CreateCommand();
        var names = new List<string>();
        for (int i = 0; i < userNames.Count; i++)
        {
            names.Add("@u" + i);
            cmd.Parameters.AddWithValue("u" + i, userNames[i]);
        }

        cmd.CommandText = "SELECT id, user_name FROM users WHERE user_name IN (" + string.Join(", ", names) + ")";
        using NpgsqlDataReader reader = cmd.ExecuteReader();
        var ids = new Dictionary<string, long>();
        while (reader.Read())
        {
            ids[reader.GetString(1)] = reader.GetInt64(0);
        }

        return Ok(ids.Select(p => new { name = p.Key, id = p.Value }));
    }
}
