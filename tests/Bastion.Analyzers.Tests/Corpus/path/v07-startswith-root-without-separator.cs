// family: path
// verdict: vulnerable
// sink-line: 27
// why: The prefix check compares with the root without a trailing separator, so `?file=../exports-private/payroll.csv` resolves to /srv/exports-private/... and still starts with /srv/exports.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V07;

public static class ExportEndpoints
{
    private const string PublicExports = "/srv/exports";
    private const string PrivateExports = "/srv/exports-private";

    public static void MapExports(this WebApplication app)
    {
        app.MapGet("/exports", (string file) =>
        {
            string full = Path.GetFullPath(Path.Combine(PublicExports, file));
            if (!full.StartsWith(PublicExports, StringComparison.Ordinal))
            {
                return Results.BadRequest();
            }

            return Results.File(full, "text/csv");
        });

        app.MapGet("/admin/exports/{*file}", (string file) => Results.File(Path.Combine(PrivateExports, Path.GetFileName(file)), "text/csv"))
            .RequireAuthorization("admin");
    }
}
