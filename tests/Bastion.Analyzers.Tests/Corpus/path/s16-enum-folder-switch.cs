// family: path
// verdict: safe
// why: The folder is chosen by an enum mapped to constant names, and the file part is a Guid.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S16;

public enum DocumentKind
{
    Invoice,
    Contract,
    Receipt,
}

public static class DocumentEndpoints
{
    public static void MapDocuments(this WebApplication app)
    {
        app.MapGet("/documents/{kind}/{id:guid}", (DocumentKind kind, Guid id) =>
        {
            string folder = kind switch
            {
                DocumentKind.Invoice => "invoices",
                DocumentKind.Contract => "contracts",
                _ => "receipts",
            };
            string path = Path.Combine("/srv/documents", folder, id + ".pdf");
            return File.Exists(path) ? Results.File(path, "application/pdf") : Results.NotFound();
        });
    }
}
