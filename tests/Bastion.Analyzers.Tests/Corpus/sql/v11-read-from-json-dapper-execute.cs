// family: sql
// verdict: vulnerable
// sink-line: 31
// why: A JSON body read with ReadFromJsonAsync is interpolated into the SQL string given to Dapper's ExecuteAsync, which does not turn interpolation holes into parameters.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V11;

public sealed class TagRename
{
    public string From { get; set; } = "";
    public string To { get; set; } = "";
}

public static class TagEndpoints
{
    public static void MapTags(this WebApplication app)
    {
        app.MapPost("/tags/rename", async (HttpRequest request, IDbConnection db) =>
        {
            TagRename? body = await request.ReadFromJsonAsync<TagRename>();
            if (body is null)
            {
                return Results.BadRequest();
            }

            int changed = await db.ExecuteAsync($"UPDATE tags SET label = '{body.To}' WHERE label = '{body.From}'");
            return Results.Ok(new { changed });
        });
    }
}
