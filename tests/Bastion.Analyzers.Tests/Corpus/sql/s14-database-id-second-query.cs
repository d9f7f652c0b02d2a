// family: sql
// verdict: safe
// why: The second query is built from a numeric id the database returned for a parameterized lookup, never from the request text.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Corpus.Sql.S14;

public static class AccountEndpoints
{
    public static void MapAccountStats(this WebApplication app)
    {
        app.MapGet("/accounts/{slug}/stats", async (string slug, NpgsqlDataSource db) =>
        {
            await using var find = db.CreateCommand("SELECT id FROM accounts WHERE slug = @slug");
            find.Parameters.AddWithValue("slug", slug);
            if (await find.ExecuteScalarAsync() is not long accountId)
            {
                return Results.NotFound();
            }

            await using var stats = db.CreateCommand($"SELECT COUNT(*), MAX(created_at) FROM events_{accountId % 16} WHERE account_id = {accountId}");
            await using var reader = await stats.ExecuteReaderAsync();
            await reader.ReadAsync();
            return Results.Ok(new { events = reader.GetInt64(0) });
        });
    }
}
