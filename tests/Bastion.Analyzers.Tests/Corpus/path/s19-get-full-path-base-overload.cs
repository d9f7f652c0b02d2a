// family: path
// verdict: safe
// why: Path.GetFullPath(path, root) resolves the value against the root and the result must start with the root plus separator before it is read.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S19;

public static class TemplateHandlers
{
    private static readonly string Root = Path.Join(AppContext.BaseDirectory, "templates") + Path.DirectorySeparatorChar;

    public static void Map(WebApplication app) => app.MapGet("/templates", Get);

    public static IResult Get(HttpRequest request)
    {
        string full = Path.GetFullPath(request.Query["t"].ToString(), Root);
        if (!full.StartsWith(Root, StringComparison.Ordinal) || !File.Exists(full))
        {
            return Results.NotFound();
        }

        return Results.Text(File.ReadAllText(full), "text/plain");
    }
}
