// family: path
// verdict: safe
// why: Path.GetFileName drops every directory part of the query value and the extension must be .pdf, so only a PDF directly inside the folder can be named.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S01;

public static class ManualEndpoints
{
    private const string Root = "/srv/manuals";

    public static void MapManuals(this WebApplication app)
    {
        app.MapGet("/manuals", (string file) =>
        {
            string name = Path.GetFileName(file);
            if (!name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
            {
                return Results.BadRequest();
            }

            string path = Path.Combine(Root, name);
            return File.Exists(path) ? Results.File(path, "application/pdf") : Results.NotFound();
        });
    }
}
