// family: sql
// verdict: vulnerable
// sink-line: 25
// why: The X-Tenant header is concatenated into a SET search_path statement, and Npgsql runs every statement in the text, so a `;` starts new commands.
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Corpus.Sql.V08;

public static class TenantMiddleware
{
    public static void UseTenantSchema(this WebApplication app)
    {
        app.Use(async (HttpContext context, RequestDelegate next) =>
        {
            string? tenant = context.Request.Headers["X-Tenant"];
            if (!string.IsNullOrEmpty(tenant))
            {
                var connection = context.RequestServices.GetService(typeof(NpgsqlConnection)) as NpgsqlConnection;
                if (connection is not null)
                {
                    await connection.OpenAsync();
                    await using var cmd = new NpgsqlCommand("SET search_path TO tenant_" + tenant + ", public", connection);
                    await cmd.ExecuteNonQueryAsync();
                }
            }

            await next(context);
        });
    }
}
