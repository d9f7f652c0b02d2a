// family: sql
// verdict: vulnerable
// sink-line: 20
// why: Lower-casing and trimming the coupon code changes nothing about quotes, so the code is still injected into the SELECT.
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V32;

[ApiController]
[Route("api/coupons")]
public sealed class CouponsController(SqliteConnection db) : ControllerBase
{
    [HttpGet("{code}")]
    public IActionResult Check(string code)
    {
        string normalized = code.Trim().ToLowerInvariant();
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT discount FROM coupons WHERE code = '" + normalized + "' AND expires_at > datetime('now')";
        object? discount = cmd.ExecuteScalar();
        return discount is null ? NotFound() : Ok(discount);
    }
}
