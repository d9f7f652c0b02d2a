// family: path
// verdict: safe
// why: The parameter is a Bastion SafeFilePath with [SafePath]; Bastion's generated binding resolves it under the configured root and refuses anything else before the handler runs.
using System.IO;
using Bastion;
using Bastion.Paths;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Corpus.Paths.S23;

[BastionEndpoints("/api")]
public static partial class FileEndpoints
{
    [Get("/files/{*name}")]
    public static PhysicalFileHttpResult Download([SafePath(Root = "Uploads:Root", AllowedExtensions = [".txt", ".pdf"], MustExist = true)] SafeFilePath name)
        => TypedResults.PhysicalFile(name.FullPath, "application/octet-stream", Path.GetFileName(name.FullPath));
}
