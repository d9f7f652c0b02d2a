// family: path
// verdict: vulnerable
// sink-line: 25
// why: The `..` check runs on the value as received, but the value is URL-decoded afterwards, so a double-encoded `%252e%252e%252f` arrives as `%2e%2e%2f`, passes the check and becomes `../`.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V09;

public static class DocEndpoints
{
    public static void MapDocs(this WebApplication app)
    {
        app.MapGet("/docs/{name}", (string name) =>
        {
            if (name.Contains("..", StringComparison.Ordinal) || name.Contains('/'))
            {
                return Results.BadRequest();
            }

            string decoded = Uri.UnescapeDataString(name);
            string path = Path.Join("/srv/docs", decoded);
            return Results.Text(File.ReadAllText(path), "text/markdown");
        });
    }
}
