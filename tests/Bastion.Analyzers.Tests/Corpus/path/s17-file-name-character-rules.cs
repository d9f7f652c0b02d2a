// family: path
// verdict: safe
// why: The name is refused when it is `.` or `..`, contains either slash, or has invalid file name characters, so it can only be a plain name inside the folder.
using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S17;

public static class SnippetEndpoints
{
    private static bool IsPlainFileName(string name) =>
        name.Length is > 0 and <= 100
        && name is not ("." or "..")
        && name.IndexOfAny(['/', '\\']) < 0
        && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;

    public static void MapSnippets(this WebApplication app)
    {
        app.MapPost("/snippets", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync();
            string name = form["name"].ToString();
            if (!IsPlainFileName(name))
            {
                return Results.BadRequest();
            }

            await File.WriteAllTextAsync(Path.Combine("/srv/snippets", name + ".txt"), form["content"].ToString());
            return Results.Redirect("/snippets");
        });
    }
}
