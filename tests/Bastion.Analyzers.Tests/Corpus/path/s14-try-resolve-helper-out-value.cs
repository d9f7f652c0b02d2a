// family: path
// verdict: safe
// why: The helper returns the normalized path only when it is inside the root plus separator, and the handler deletes only that returned path.
using System;
using System.IO;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S14;

public static class FileEndpoints
{
    private static bool TryResolve(string root, string relative, out string full)
    {
        string rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        full = Path.GetFullPath(Path.Combine(rootFull, relative));
        return full.StartsWith(rootFull, StringComparison.Ordinal);
    }

    public static void MapFiles(this WebApplication app)
    {
        app.MapDelete("/me/files", (string fileName, ClaimsPrincipal user) =>
        {
            string userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            if (!Guid.TryParse(userId, out Guid id) || !TryResolve($"/srv/userdata/{id:N}", fileName, out string path))
            {
                return Results.BadRequest();
            }

            File.Delete(path);
            return Results.NoContent();
        }).RequireAuthorization();
    }
}
