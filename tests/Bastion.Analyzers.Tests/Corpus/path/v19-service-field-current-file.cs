// family: path
// verdict: vulnerable
// sink-line: 17
// why: The handler stores the requested name in a scoped service's field, and the service later opens a file built from that field without any check.
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V19;

public sealed class InvoiceFiles
{
    private string _current = "";

    public void Select(string invoiceFile) => _current = invoiceFile;

    public Stream Open() => File.OpenRead(Path.Combine("/srv/invoices", _current));
}

public static class InvoiceEndpoints
{
    public static void MapInvoices(this WebApplication app)
    {
        app.MapGet("/invoices/file", (string name, InvoiceFiles files) =>
        {
            files.Select(name);
            return Results.Stream(files.Open(), "application/pdf");
        });
    }
}
