// family: path
// verdict: safe
// why: GetRelativePath from the root to the normalized path must neither start with `..` nor be rooted, which is a correct containment test, and the checked full path is the one served.
using System;
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.S10;

[ApiController]
[Route("api/media")]
public sealed class MediaController : ControllerBase
{
    private static readonly string Root = Path.GetFullPath("/srv/media");

    [HttpGet]
    public IActionResult Get([FromQuery] string path)
    {
        string full = Path.GetFullPath(path, Root);
        string relative = Path.GetRelativePath(Root, full);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return BadRequest();
        }

        return PhysicalFile(full, "application/octet-stream");
    }
}
