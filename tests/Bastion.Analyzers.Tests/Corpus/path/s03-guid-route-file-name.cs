// family: path
// verdict: safe
// why: The route parameter is a Guid, so the file name is 32 hex digits plus a constant extension and cannot contain separators or dots.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S03;

public static class InvoiceEndpoints
{
    public static void MapInvoices(this WebApplication app)
    {
        app.MapGet("/invoices/{id:guid}", (Guid id) =>
        {
            string path = Path.Combine("/srv/invoices", id.ToString("N") + ".pdf");
            return File.Exists(path) ? Results.File(path, "application/pdf", "invoice.pdf") : Results.NotFound();
        });
    }
}
