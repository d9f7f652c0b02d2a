// family: sql
// verdict: vulnerable
// sink-line: 24
// why: The Sort member of an [AsParameters] record comes from the query string and is interpolated into ORDER BY, which cannot be parameterized.
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V21;

public sealed record PageQuery(string? Sort, int Page = 1, int Size = 25);

public static class TicketHandlers
{
    public static void Map(WebApplication app) => app.MapGet("/tickets", List);

    private static async Task<IResult> List([AsParameters] PageQuery query, SqliteConnection db)
    {
        int size = query.Size is > 0 and <= 100 ? query.Size : 25;
        int offset = (query.Page - 1) * size;
        string sql = $"SELECT id, title, priority FROM tickets ORDER BY {query.Sort ?? "id"} LIMIT @size OFFSET @offset";
        var tickets = await db.QueryAsync(sql, new { size, offset });
        return Results.Ok(tickets);
    }
}
