// family: sql
// verdict: safe
// why: The search text has its LIKE wildcards escaped with Replace and is then bound as a parameter, so the Replace calls only affect matching, not the SQL text.
using System.Data;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S18;

public static class CityEndpoints
{
    public static void MapCities(this WebApplication app)
    {
        app.MapGet("/cities", async (HttpContext context, IDbConnection db) =>
        {
            string search = context.Request.Query["q"].ToString();
            string pattern = search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            var cities = await db.QueryAsync<string>(
                "SELECT name FROM cities WHERE name LIKE @pattern ESCAPE '\\' ORDER BY name LIMIT 10",
                new { pattern });
            return Results.Ok(cities);
        });
    }
}
