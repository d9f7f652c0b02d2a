// family: sql
// verdict: vulnerable
// sink-line: 38
// why: A small query-builder class keeps request values in its StringBuilder field, and the built text is executed, so the city value is injected two calls away from the handler.
using System.Data;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V20;

public sealed class WhereBuilder
{
    private readonly StringBuilder _sql = new();

    public WhereBuilder Equal(string column, string value)
    {
        _sql.Append(_sql.Length == 0 ? " WHERE " : " AND ").Append(column).Append(" = '").Append(value).Append('\'');
        return this;
    }

    public string Build(string select) => select + _sql;
}

public static class StoreEndpoints
{
    public static void MapStores(this WebApplication app)
    {
        app.MapGet("/stores", (string city, string? state, IDbConnection db) =>
        {
            var where = new WhereBuilder().Equal("city", city);
            if (state is not null)
            {
                where.Equal("state", state);
            }

            var stores = db.Query(where.Build("SELECT id, name FROM stores"));
            return Results.Ok(stores);
        });
    }
}
