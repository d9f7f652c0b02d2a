// family: path
// verdict: safe
// why: The Razor Page handler looks up the statement's stored path by a numeric id for the signed-in user; the request never supplies path text.
using System.IO;
using System.Data;
using System.Security.Claims;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Corpus.Paths.S25;

public sealed class StatementsModel(IDbConnection db) : PageModel
{
    public async Task<IActionResult> OnGetDownloadAsync(int id)
    {
        string? userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        string? stored = await db.QueryFirstOrDefaultAsync<string>(
            "SELECT stored_path FROM statements WHERE id = @id AND owner_id = @userId", new { id, userId });
        if (stored is null)
        {
            return NotFound();
        }

        return PhysicalFile(Path.Combine("/srv/statements", Path.GetFileName(stored)), "application/pdf", "statement.pdf");
    }
}
