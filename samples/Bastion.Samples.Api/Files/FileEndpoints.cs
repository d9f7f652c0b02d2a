using System.IO;
using Bastion.Paths;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Samples.Api.Files;

/// <summary>Downloads from the uploads folder; the path is proven inside it before the handler runs.</summary>
[BastionEndpoints("/api")]
public static partial class FileEndpoints
{
    [Get("/files/{*name}")]
    public static PhysicalFileHttpResult Download([SafePath(Root = "Uploads:Root", AllowedExtensions = [".txt", ".pdf"], MustExist = true)] SafeFilePath name)
        => TypedResults.PhysicalFile(name.FullPath, "application/octet-stream", Path.GetFileName(name.FullPath));
}
