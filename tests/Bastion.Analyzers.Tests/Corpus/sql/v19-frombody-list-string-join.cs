// family: sql
// verdict: vulnerable
// sink-line: 26
// why: Names from a [FromBody] list are wrapped in quotes and joined into an IN list, so one name containing a quote injects SQL.
using System.Collections.Generic;
using System.Linq;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Corpus.Sql.V19;

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

        string inList = string.Join(",", userNames.Select(n => "'" + n + "'"));
        using NpgsqlCommand cmd = dataSource.CreateCommand();
        cmd.CommandText = "SELECT id, user_name FROM users WHERE user_name IN (" + inList + ")";
        using NpgsqlDataReader reader = cmd.ExecuteReader();
        var ids = new Dictionary<string, long>();
        while (reader.Read())
        {
            ids[reader.GetString(1)] = reader.GetInt64(0);
        }

        return Ok(ids);
    }
}
