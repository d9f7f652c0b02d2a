// family: path
// verdict: vulnerable
// sink-line: 24
// why: Refusing `..` does not stop a rooted value: Path.Combine("/srv/logs", "/etc/shadow") returns "/etc/shadow".
using System;
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.V22;

[ApiController]
[Route("api/logs")]
public sealed class LogsController : ControllerBase
{
    [HttpGet("read")]
    public IActionResult Read([FromQuery] string name)
    {
        if (name.Contains("..", StringComparison.Ordinal))
        {
            return BadRequest("no traversal");
        }

        string path = Path.Combine("/srv/logs", name);
        return PhysicalFile(path, "text/plain");
    }
}
