// family: path
// verdict: vulnerable
// sink-line: 19
// why: The folder from the query string is combined with the share root and listed, so `../../` lists any directory on the server.
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.V14;

[ApiController]
[Route("api/share")]
public sealed class ShareController : ControllerBase
{
    [HttpGet("list")]
    public IActionResult List([FromQuery] string folder = "")
    {
        string dir = Path.Combine("/srv/share", folder);
        var entries = Directory.EnumerateFileSystemEntries(dir)
            .Select(e => Path.GetFileName(e))
            .ToList();
        return Ok(entries);
    }
}
