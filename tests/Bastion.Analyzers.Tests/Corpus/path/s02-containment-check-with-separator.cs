// family: path
// verdict: safe
// why: The combined path is normalized with GetFullPath and must start with the root plus a trailing separator, and only that checked full path is opened.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S02;

public static class ReportEndpoints
{
    private static readonly string Root = Path.GetFullPath("/var/app/reports") + Path.DirectorySeparatorChar;

    public static void MapReports(this WebApplication app)
    {
        app.MapGet("/reports/view", async (HttpContext context) =>
        {
            string requested = context.Request.Query["file"].ToString();
            string full = Path.GetFullPath(Path.Combine(Root, requested));
            if (!full.StartsWith(Root, StringComparison.Ordinal))
            {
                return Results.BadRequest();
            }

            string text = await File.ReadAllTextAsync(full);
            return Results.Text(text, "text/plain");
        });
    }
}
