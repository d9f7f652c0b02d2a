// family: path
// verdict: vulnerable
// sink-line: 25
// why: The query value is URL-decoded by hand and then combined with the template folder and opened, so it can point above the folder.
using System.IO;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V10;

public static class TemplateEndpoints
{
    public static void MapTemplates(this WebApplication app)
    {
        app.MapGet("/templates", (HttpRequest request) =>
        {
            string name = WebUtility.UrlDecode(request.Query["t"].ToString());
            string path = Path.Combine(AppContextRoot(), "templates", name);
            if (!File.Exists(path))
            {
                return Results.NotFound();
            }

            return Results.Stream(File.OpenRead(path), "text/html");
        });
    }

    private static string AppContextRoot() => System.AppContext.BaseDirectory;
}
