// family: path
// verdict: safe
// why: The document name must fully match lower-case letters, digits and dashes followed by `.md`, which excludes separators and `..`.
using System.IO;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S11;

public static class DocEndpoints
{
    private static readonly Regex DocName = new(@"\A[a-z0-9-]{1,64}\.md\z", RegexOptions.CultureInvariant);

    public static void MapDocs(this WebApplication app)
    {
        app.MapGet("/docs", (string name) =>
        {
            if (!DocName.IsMatch(name))
            {
                return Results.BadRequest();
            }

            string path = Path.Join("/srv/docs", name);
            return File.Exists(path) ? Results.Text(File.ReadAllText(path), "text/markdown") : Results.NotFound();
        });
    }
}
