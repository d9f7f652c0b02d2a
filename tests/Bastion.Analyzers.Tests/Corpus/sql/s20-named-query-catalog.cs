// family: sql
// verdict: safe
// why: The request picks a query by name from a catalog of constant statements (unknown names are refused), and the values go in as parameters.
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.S20;

internal static class ReportCatalog
{
    private static readonly FrozenDictionary<string, string> Sql = new Dictionary<string, string>
    {
        ["orders-by-customer"] = "SELECT id, total FROM orders WHERE customer_id = @key",
        ["tickets-by-agent"] = "SELECT id, title FROM tickets WHERE agent_id = @key",
    }.ToFrozenDictionary();

    public static bool TryGet(string name, out string sql) => Sql.TryGetValue(name, out sql!);
}

public static class ReportEndpoints
{
    public static void MapReports(this WebApplication app)
    {
        app.MapGet("/reports/{name}/{key:long}", (string name, long key, IDbConnection db) =>
            ReportCatalog.TryGet(name, out string sql)
                ? Results.Ok(db.Query(sql, new { key }))
                : Results.NotFound());
    }
}
