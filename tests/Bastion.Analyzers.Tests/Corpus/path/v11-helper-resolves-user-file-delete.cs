// family: path
// verdict: vulnerable
// sink-line: 23
// why: A helper joins the user folder and the requested file name without any check, and the handler deletes the result, so `?fileName=../other-user/x` deletes another user's file.
using System.IO;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.V11;

public static class FileEndpoints
{
    private static string ResolveUserFile(string userId, string fileName)
        => Path.Combine("/srv/userdata", userId, fileName);

    public static void MapFiles(this WebApplication app)
    {
        app.MapDelete("/me/files", (string fileName, ClaimsPrincipal user) =>
        {
            string userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
            string path = ResolveUserFile(userId, fileName);
            File.Delete(path);
            return Results.NoContent();
        }).RequireAuthorization();
    }
}
