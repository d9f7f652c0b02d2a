// family: sql
// verdict: vulnerable
// sink-line: 33
// why: Comma-separated ids from the query string are appended one by one inside quotes with a StringBuilder, so any element can close the quote and add SQL.
using System.Data.Common;
using System.Text;
using System.Threading.Tasks;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Sql.V05;

public static class BatchEndpoints
{
    public static void MapBatch(this WebApplication app)
    {
        app.MapGet("/invoices/batch", async (HttpRequest request, DbConnection db) =>
        {
            string[] ids = request.Query["ids"].ToString().Split(',');
            var sql = new StringBuilder("SELECT id, number, amount FROM invoices WHERE number IN (");
            for (int i = 0; i < ids.Length; i++)
            {
                if (i > 0)
                {
                    sql.Append(", ");
                }

                sql.Append('\'').Append(ids[i]).Append('\'');
            }

            sql.Append(')');
            var rows = await db.QueryAsync(sql.ToString());
            return Results.Ok(rows);
        });
    }
}
