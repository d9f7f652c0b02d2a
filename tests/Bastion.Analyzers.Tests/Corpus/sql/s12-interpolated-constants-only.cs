// family: sql
// verdict: safe
// why: The interpolation holes are constants of the class (column list and table), and the route value is passed as a parameter.
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.S12;

public sealed record Supplier(long Id, string Name, string Country);

[ApiController]
[Route("api/suppliers")]
public sealed class SuppliersController(IDbConnection db) : ControllerBase
{
    private const string Columns = "id, name, country";
    private const string Table = "suppliers";

    [HttpGet("{country}")]
    public IActionResult ByCountry([FromRoute] string country)
    {
        string sql = $"SELECT {Columns} FROM {Table} WHERE country = @country ORDER BY name";
        return Ok(db.Query<Supplier>(sql, new { country }));
    }
}
