// family: path
// verdict: vulnerable
// sink-line: 26
// why: The containment check is made on the combined path before it is normalized, and `/srv/media/../../etc/passwd` (from `?path=../../etc/passwd`) does start with `/srv/media/`.
using System;
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.V08;

[ApiController]
[Route("api/media")]
public sealed class MediaController : ControllerBase
{
    private const string Root = "/srv/media/";

    [HttpGet]
    public IActionResult Get([FromQuery] string path)
    {
        string candidate = Path.Combine(Root, path);
        if (!candidate.StartsWith(Root, StringComparison.Ordinal))
        {
            return BadRequest();
        }

        return PhysicalFile(candidate, "application/octet-stream");
    }
}
