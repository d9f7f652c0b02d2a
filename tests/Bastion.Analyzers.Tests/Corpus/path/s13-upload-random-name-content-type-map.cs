// family: path
// verdict: safe
// why: The stored name is a random server-generated name and the extension comes from a constant map of content types; the client's FileName is only returned as data.
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S13;

public static class AvatarEndpoints
{
    private static readonly Dictionary<string, string> Extensions = new()
    {
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/webp"] = ".webp",
    };

    public static void MapAvatars(this WebApplication app)
    {
        app.MapPost("/avatars", async (IFormFile file) =>
        {
            if (!Extensions.TryGetValue(file.ContentType, out string? extension))
            {
                return Results.BadRequest("Unsupported image type.");
            }

            string stored = Path.GetRandomFileName() + extension;
            await using var target = File.Create(Path.Combine("/srv/avatars", stored));
            await file.CopyToAsync(target);
            return Results.Ok(new { stored, original = file.FileName });
        }).DisableAntiforgery();
    }
}
