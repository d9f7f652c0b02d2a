// family: xss
// verdict: vulnerable
// sink-line: 27
// why: Uploaded files' client-supplied names are kept and listed on the gallery page without encoding, so a file named `<img src=x onerror=...>.png` attacks every viewer.
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Xss.V31;

public static class GalleryEndpoints
{
    private static readonly ConcurrentBag<string> Names = new();

    public static void MapGallery(this WebApplication app)
    {
        app.MapPost("/gallery", (IFormFile image) =>
        {
            Names.Add(image.FileName);
            return Results.Accepted();
        }).DisableAntiforgery();

        app.MapGet("/gallery", () =>
        {
            string list = string.Join("", Names.Select(n => "<li>" + n + "</li>"));
            return Results.Content("<ul>" + list + "</ul>", "text/html");
        });
    }
}
