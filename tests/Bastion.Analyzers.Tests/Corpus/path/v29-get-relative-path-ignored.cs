// family: path
// verdict: vulnerable
// sink-line: 28
// why: The code computes a relative path to detect traversal but only logs it and carries on, so the traversing path is still served.
using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Corpus.Paths.V29;

public static class SpecEndpoints
{
    private const string Root = "/srv/specs";

    public static void MapSpecs(this WebApplication app)
    {
        app.MapGet("/specs/{*name}", (string name, ILoggerFactory loggers) =>
        {
            string full = Path.GetFullPath(Path.Combine(Root, name));
            string relative = Path.GetRelativePath(Root, full);
            if (relative.StartsWith("..", StringComparison.Ordinal))
            {
                loggers.CreateLogger("Specs").LogWarning("Suspicious spec path requested");
            }

            return Results.File(full, "application/yaml");
        });
    }
}
