// family: path
// verdict: vulnerable
// sink-line: 21
// why: The snippet name posted in the form decides the file written under the snippets folder, so `../../srv/app/wwwroot/index.html` overwrites other files.
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V15;

public static class SnippetEndpoints
{
    public static void MapSnippets(this WebApplication app)
    {
        app.MapPost("/snippets", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            string name = form["name"].ToString();
            string content = form["content"].ToString();
            await File.WriteAllTextAsync(Path.Combine("/srv/snippets", name + ".txt"), content);
            return Results.Redirect("/snippets");
        });
    }
}
