// family: sql
// verdict: vulnerable
// sink-line: 25
// why: A [FromQuery] action parameter is concatenated into a LIKE pattern for Dapper's QueryFirstOrDefaultAsync instead of being passed as a parameter.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Sql.V15;

public sealed record Supplier(long Id, string Name, string Country);

[ApiController]
[Route("api/suppliers")]
public sealed class SuppliersController : ControllerBase
{
    private readonly IDbConnection _db;

    public SuppliersController(IDbConnection db) => _db = db;

    [HttpGet("first")]
    public async Task<IActionResult> First([FromQuery] string prefix)
    {
        var supplier = await _db.QueryFirstOrDefaultAsync<Supplier>(
            "SELECT id, name, country FROM suppliers WHERE name LIKE '" + prefix + "%' ORDER BY name");
        return supplier is null ? NotFound() : Ok(supplier);
    }
}
