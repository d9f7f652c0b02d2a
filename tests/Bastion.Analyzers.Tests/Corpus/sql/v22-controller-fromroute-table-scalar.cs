// family: sql
// verdict: vulnerable
// sink-line: 22
// why: A [FromRoute] table name is interpolated after FROM, so the caller can count or read any table or append a UNION.
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Corpus.Sql.V22;

[ApiController]
[Route("api/admin/tables")]
public sealed class TableStatsController : ControllerBase
{
    private readonly NpgsqlConnection _connection;

    public TableStatsController(NpgsqlConnection connection) => _connection = connection;

    [HttpGet("{table}/count")]
    public ActionResult<long> Count([FromRoute] string table)
    {
        _connection.Open();
        using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {table}", _connection);
        return (long)command.ExecuteScalar()!;
    }
}
