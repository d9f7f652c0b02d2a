// family: sql
// verdict: safe
// why: The query text is a constant field and the string route id reaches the NpgsqlCommand only through a named parameter.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Corpus.Sql.S27;

public sealed class OrderDetailsModel(NpgsqlDataSource db) : PageModel
{
    private const string Sql = "SELECT number, status FROM orders WHERE public_code = @code";

    public string? Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        await using NpgsqlCommand cmd = db.CreateCommand(Sql);
        cmd.Parameters.AddWithValue("code", code);
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return NotFound();
        }

        Number = reader.GetString(0);
        return Page();
    }
}
