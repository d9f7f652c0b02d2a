// family: path
// verdict: vulnerable
// sink-line: 24
// why: The [FromRoute] catch-all page can start with a slash (`GET /help//etc/passwd`), and Path.Combine then drops the content root and serves the rooted path.
using System.IO;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.V12;

[ApiController]
[Route("help")]
public sealed class HelpController(IWebHostEnvironment env) : ControllerBase
{
    [HttpGet("{*page}")]
    public IActionResult Page([FromRoute] string page)
    {
        string path = Path.Combine(env.ContentRootPath, "help-pages", page);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        return PhysicalFile(path, "text/html");
    }
}
