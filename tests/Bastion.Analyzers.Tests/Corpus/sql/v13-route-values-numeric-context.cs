// family: sql
// verdict: vulnerable
// sink-line: 20
// why: The `id` route value is read as a string from RouteValues and placed unquoted in a numeric comparison, so `1 OR 1=1` or a UNION needs no quote at all.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Corpus.Sql.V13;

public static class InvoicePdf
{
    public static void MapInvoicePdf(this WebApplication app)
    {
        app.MapGet("/invoices/{id}/pdf-path", (HttpRequest request, SqliteConnection db) =>
        {
            string id = request.RouteValues["id"]?.ToString() ?? "0";
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "SELECT pdf_path FROM invoices WHERE id = " + id;
            object? path = cmd.ExecuteScalar();
            return path is string p ? Results.Ok(p) : Results.NotFound();
        });
    }
}
