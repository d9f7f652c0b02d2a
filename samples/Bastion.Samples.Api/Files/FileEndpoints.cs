using Bastion.Paths;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Bastion.Samples.Api.Files;

/// <summary>Downloads from the uploads folder; the path is proven inside it before the handler runs.</summary>
[BastionEndpoints("/api")]
public static partial class FileEndpoints
{
    // OpenRead, not a PhysicalFile result: the file is opened without following a final symbolic link and the opened
    // handle is checked inside the root before a byte is sent, so a link swapped in after the check is caught (it throws
    // PathRejectedException, which UseBastion answers with 404 or 400).
    [Get("/files/{*name}")]
    public static FileStreamHttpResult Download([SafePath(Root = "Uploads:Root", AllowedExtensions = [".txt", ".pdf"], MustExist = true)] SafeFilePath name)
        => TypedResults.File(name.OpenRead(), "application/octet-stream", name.FileName);
}
