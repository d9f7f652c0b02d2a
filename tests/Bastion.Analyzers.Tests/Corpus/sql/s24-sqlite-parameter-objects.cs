// family: sql
// verdict: safe
// why: The form values are wrapped in SqliteParameter objects added to the command, and the UPDATE text is a literal.
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.S24;

public static class ProfileEndpoints
{
    public static void MapProfile(this WebApplication app)
    {
        app.MapPost("/profile", async (HttpRequest request, ClaimsPrincipal user, SqliteConnection db) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            string userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            await db.OpenAsync();
            await using var cmd = new SqliteCommand("UPDATE users SET nickname = @nickname, bio = @bio WHERE id = @id", db);
            cmd.Parameters.Add(new SqliteParameter("@nickname", form["nickname"].ToString()));
            cmd.Parameters.Add(new SqliteParameter("@bio", form["bio"].ToString()));
            cmd.Parameters.Add(new SqliteParameter("@id", userId));
            await cmd.ExecuteNonQueryAsync();
            return Results.Redirect("/profile");
        });
    }
}
