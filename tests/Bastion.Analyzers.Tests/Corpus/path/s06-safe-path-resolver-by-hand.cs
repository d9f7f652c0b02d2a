// family: path
// verdict: safe
// why: Bastion's SafePathResolver refuses traversal, rooted, encoded and linked paths outside the root, and only the resolved FullPath is served.
using Bastion.Paths;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Paths.S06;

public static class DownloadEndpoints
{
    private static readonly SafePathResolver Downloads = new("/srv/app/downloads", new SafePathOptions { AllowedExtensions = [".zip", ".pdf"], MustExist = true });

    public static void MapDownloads(this WebApplication app)
    {
        app.MapGet("/downloads/{*name}", (string name) =>
        {
            SafePathResult result = Downloads.Resolve(name);
            return result.Succeeded
                ? Results.File(result.Path.FullPath, "application/octet-stream")
                : Results.Problem(statusCode: result.StatusCode, title: "Invalid file name");
        });
    }
}
