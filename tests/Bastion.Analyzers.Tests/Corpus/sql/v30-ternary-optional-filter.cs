// family: sql
// verdict: vulnerable
// sink-line: 22
// why: An optional city filter is built with a conditional expression and concatenated into the query, so the city value is injected whenever it is present.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.V30;

[ApiController]
[Route("api/venues")]
public sealed class VenuesController(IDbConnection db) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Get([FromQuery] string? city, [FromQuery] bool openOnly = false)
    {
        string cityFilter = string.IsNullOrWhiteSpace(city) ? "" : " AND city = '" + city + "'";
        string openFilter = openOnly ? " AND is_open = 1" : "";
        string sql = "SELECT id, name, city FROM venues WHERE 1 = 1" + cityFilter + openFilter;
        var venues = await db.QueryAsync(sql);
        return Ok(venues);
    }
}
