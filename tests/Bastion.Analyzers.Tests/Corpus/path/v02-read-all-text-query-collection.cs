// family: path
// verdict: vulnerable
// sink-line: 20
// why: The report name from Request.Query is combined with the reports folder and read, so `../../etc/passwd` is returned.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V02;

public static class ReportEndpoints
{
    public static void MapReports(this WebApplication app)
    {
        app.MapGet("/reports/view", async (HttpContext context) =>
        {
            string file = context.Request.Query["file"].ToString();
            string full = Path.Combine("/var/app/reports", file);
            string text = await File.ReadAllTextAsync(full);
            return Results.Text(text, "text/plain");
        });
    }
}
