// family: path
// verdict: safe
// why: The server lists its own log folder and serves the entry whose file name equals the request value, so the path opened always comes from the listing.
using System;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.S21;

[ApiController]
[Route("api/logs")]
public sealed class LogsController : ControllerBase
{
    [HttpGet("read")]
    public IActionResult Read([FromQuery] string name)
    {
        string? match = Directory.EnumerateFiles("/srv/logs", "*.log")
            .FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.Ordinal));
        return match is null ? NotFound() : PhysicalFile(match, "text/plain");
    }
}
