// family: sql
// verdict: vulnerable
// sink-line: 24
// why: Posted form fields are joined with string.Concat into an UPDATE statement, letting the nickname field rewrite the SET list or the WHERE clause.
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V10;

public static class ProfileEndpoints
{
    public static void MapProfile(this WebApplication app)
    {
        app.MapPost("/profile", async (HttpRequest request, ClaimsPrincipal user, SqliteConnection db) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            string nickname = form["nickname"].ToString();
            string userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0";
            string sql = string.Concat("UPDATE users SET nickname = '", nickname, "' WHERE id = ", userId);
            await db.OpenAsync();
            await using var cmd = new SqliteCommand(sql, db);
            await cmd.ExecuteNonQueryAsync();
            return Results.Redirect("/profile");
        }).DisableAntiforgery();
    }
}
