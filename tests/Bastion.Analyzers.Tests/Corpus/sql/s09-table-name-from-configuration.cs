// family: sql
// verdict: safe
// why: The audit table name comes from server configuration, not from the request, and the request values are parameters.
using System.Data;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Corpus.Sql.S09;

public static class AuditEndpoints
{
    public static void MapAudit(this WebApplication app)
    {
        string table = app.Configuration["Audit:Table"] ?? "audit_log";
        app.MapGet("/audit", (string actor, int? take, IDbConnection db) =>
        {
            var entries = db.Query(
                $"SELECT at, actor, action FROM {table} WHERE actor = @actor ORDER BY at DESC LIMIT @limit",
                new { actor, limit = take ?? 50 });
            return Results.Ok(entries);
        });
    }
}
