// family: sql
// verdict: vulnerable
// sink-line: 21
// why: The query value is URL-decoded once more by hand and then concatenated into a Dapper query, so the decoding only helps the attacker smuggle quotes.
using System.Data;
using System.Net;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V25;

public static class CityEndpoints
{
    public static void MapCities(this WebApplication app)
    {
        app.MapGet("/cities", (HttpContext context, IDbConnection db) =>
        {
            string? raw = context.Request.Query["q"];
            string search = WebUtility.UrlDecode(raw ?? string.Empty);
            var cities = db.Query<string>("SELECT name FROM cities WHERE name LIKE '" + search + "%' LIMIT 10");
            return Results.Ok(cities);
        });
    }
}
