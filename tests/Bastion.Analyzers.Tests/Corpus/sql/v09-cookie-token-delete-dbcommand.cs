// family: sql
// verdict: vulnerable
// sink-line: 24
// why: The session cookie's value is quoted into a DELETE statement on a DbCommand, so a crafted cookie deletes every session.
using System.Data.Common;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V09;

public static class LogoutEndpoint
{
    public static void MapLogout(this WebApplication app)
    {
        app.MapPost("/logout", async (HttpContext context, DbDataSource dataSource) =>
        {
            if (!context.Request.Cookies.TryGetValue("sid", out string? sid))
            {
                return Results.NoContent();
            }

            await using DbCommand command = dataSource.CreateCommand();
            command.CommandText = "DELETE FROM sessions WHERE token = '" + sid + "'";
            await command.ExecuteNonQueryAsync();
            context.Response.Cookies.Delete("sid");
            return Results.NoContent();
        });
    }
}
