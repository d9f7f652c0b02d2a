// family: sql
// verdict: safe
// why: Npgsql positional parameters ($1, $2) carry the email and the flag, and the command text is a literal.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Corpus.Sql.S10;

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
        await using var cmd = new NpgsqlCommand("SELECT id FROM accounts WHERE email = $1 AND active = $2", connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = request.Email },
                new NpgsqlParameter { Value = true },
            },
        };
        if (await cmd.ExecuteScalarAsync() is long accountId)
        {
            TempData["ResetFor"] = accountId;
        }

        return View("ResetSent");
    }
}
