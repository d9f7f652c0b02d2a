// family: sql
// verdict: vulnerable
// sink-line: 23
// why: An interpolated raw string literal is still string formatting, so the `[FromHeader]` device id lands inside the SQL text.
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.V36;

[ApiController]
[Route("api/devices")]
public sealed class DevicesController(IDbConnection db) : ControllerBase
{
    [HttpPost("heartbeat")]
    public IActionResult Heartbeat([FromHeader(Name = "X-Device-Id")] string deviceId)
    {
        string sql = $"""
            UPDATE devices
            SET last_seen = CURRENT_TIMESTAMP
            WHERE device_id = '{deviceId}'
            """;
        int updated = db.Execute(sql);
        return updated == 0 ? NotFound() : NoContent();
    }
}
