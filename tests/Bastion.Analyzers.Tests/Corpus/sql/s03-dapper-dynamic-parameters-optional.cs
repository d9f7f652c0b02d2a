// family: sql
// verdict: safe
// why: Optional filters add constant SQL fragments while their values go into DynamicParameters, so the final text contains only constants.
using System.Data;
using System.Text;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.S03;

[ApiController]
[Route("api/venues")]
public sealed class VenuesController(IDbConnection db) : ControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Get([FromQuery] string? city, [FromQuery] string? name, [FromQuery] bool openOnly = false)
    {
        var sql = new StringBuilder("SELECT id, name, city FROM venues WHERE 1 = 1");
        var parameters = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(city))
        {
            sql.Append(" AND city = @city");
            parameters.Add("city", city);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            sql.Append(" AND name LIKE @name");
            parameters.Add("name", name + "%");
        }

        if (openOnly)
        {
            sql.Append(" AND is_open = 1");
        }

        var venues = await db.QueryAsync(sql.ToString(), parameters);
        return Ok(venues);
    }
}
