// family: sql
// verdict: safe
// why: The country must fully match ^[A-Z]{2}$ before it is quoted into the SQL, and two capital letters cannot close the literal.
using System.Data;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.S16;

[ApiController]
[Route("api/holidays")]
public sealed class HolidaysController(IDbConnection db) : ControllerBase
{
    private static readonly Regex CountryCode = new("^[A-Z]{2}$", RegexOptions.CultureInvariant);

    [HttpGet("{country}")]
    public IActionResult Get(string country)
    {
        if (!CountryCode.IsMatch(country))
        {
            return BadRequest("Use an ISO 3166 alpha-2 code.");
        }

        var holidays = db.Query<string>($"SELECT name FROM holidays WHERE country = '{country}' ORDER BY day");
        return Ok(holidays);
    }
}
