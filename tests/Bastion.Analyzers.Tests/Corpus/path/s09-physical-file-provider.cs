// family: path
// verdict: safe
// why: PhysicalFileProvider.GetFileInfo returns a not-found entry for paths that are rooted or climb above its root, so only files under /srv/help are served.
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Corpus.Paths.S09;

public static class HelpEndpoints
{
    private static readonly PhysicalFileProvider Help = new("/srv/help");

    public static void MapHelp(this WebApplication app)
    {
        app.MapGet("/help", (string page) =>
        {
            IFileInfo file = Help.GetFileInfo(page);
            if (!file.Exists || file.IsDirectory)
            {
                return Results.NotFound();
            }

            return Results.Stream(file.CreateReadStream(), "text/html");
        });
    }
}
