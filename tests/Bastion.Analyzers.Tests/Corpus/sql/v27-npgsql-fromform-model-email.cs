// family: sql
// verdict: vulnerable
// sink-line: 24
// why: The Email of a [FromForm] model is interpolated into an NpgsqlCommand, so a password-reset form becomes an injection point.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Corpus.Sql.V27;

public sealed class ResetRequest
{
    public string Email { get; set; } = "";
}

[Route("account")]
public sealed class AccountController(NpgsqlConnection connection) : Controller
{
    [HttpPost("reset")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Reset([FromForm] ResetRequest request)
    {
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT id FROM accounts WHERE email = '{request.Email}' AND active", connection);
        object? id = await cmd.ExecuteScalarAsync();
        if (id is long accountId)
        {
            // queue the reset mail for accountId (omitted)
            _ = accountId;
        }

        return View("ResetSent");
    }
}
