// family: sql
// verdict: safe
// why: The id is bound as an int by the route constraint and the parameter type, and the text of an integer cannot change the statement.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.S07;

public static class InvoicePdf
{
    public static void MapInvoicePdf(this WebApplication app)
    {
        app.MapGet("/invoices/{id:int}/pdf-path", (int id, SqliteConnection db) =>
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = $"SELECT pdf_path FROM invoices WHERE id = {id}";
            object? path = cmd.ExecuteScalar();
            return path is string p ? Results.Ok(p) : Results.NotFound();
        });
    }
}
