// family: sql
// verdict: safe
// why: Dapper runs the constant INSERT once per element of the posted list, binding each element's properties as parameters.
using System.Collections.Generic;
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.S19;

public sealed record Reading(string Sensor, double Value, long Timestamp);

[ApiController]
[Route("api/readings")]
public sealed class ReadingsController(IDbConnection db) : ControllerBase
{
    [HttpPost]
    public async Task<IActionResult> Ingest([FromBody] IReadOnlyList<Reading> readings)
    {
        if (readings.Count > 1000)
        {
            return BadRequest("Too many readings in one batch.");
        }

        int inserted = await db.ExecuteAsync(
            "INSERT INTO readings (sensor, value, ts) VALUES (@Sensor, @Value, @Timestamp)",
            readings);
        return Ok(new { inserted });
    }
}
