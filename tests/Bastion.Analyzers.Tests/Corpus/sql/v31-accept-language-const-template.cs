// family: sql
// verdict: vulnerable
// sink-line: 25
// why: The Accept-Language header, which any client sets freely, fills a constant SQL template through string.Format.
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V31;

internal static class Queries
{
    public const string Translations = "SELECT key, text FROM translations WHERE lang = '{0}'";
}

public static class I18nEndpoints
{
    public static void MapI18n(this WebApplication app)
    {
        app.MapGet("/i18n", (HttpContext context, IDbConnection db) =>
        {
            string language = context.Request.Headers.AcceptLanguage.ToString().Split(',')[0];
            string sql = string.Format(Queries.Translations, language);
            var rows = db.Query(sql);
            return Results.Ok(rows);
        });
    }
}
