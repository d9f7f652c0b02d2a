// family: path
// verdict: safe
// why: The request picks a key in a constant dictionary of report files; the path opened is always one of the dictionary's values.
using System.Collections.Generic;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S05;

public static class ReportEndpoints
{
    private static readonly Dictionary<string, string> Reports = new()
    {
        ["quarterly"] = "/srv/reports/quarterly.xlsx",
        ["annual"] = "/srv/reports/annual.xlsx",
        ["headcount"] = "/srv/reports/hr/headcount.xlsx",
    };

    public static void MapReports(this WebApplication app)
    {
        app.MapGet("/reports/{name}", (string name) =>
            Reports.TryGetValue(name, out string? path)
                ? Results.File(File.OpenRead(path), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : Results.NotFound());
    }
}
