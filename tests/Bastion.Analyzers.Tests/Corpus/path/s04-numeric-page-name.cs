// family: path
// verdict: safe
// why: The page number is an int, so the file name is `page-<digits>.html` inside a constant folder.
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.S04;

[ApiController]
[Route("api/book")]
public sealed class BookController : ControllerBase
{
    [HttpGet("pages/{number:int}")]
    public IActionResult Page(int number)
    {
        if (number < 1)
        {
            return NotFound();
        }

        string path = $"/srv/book/pages/page-{number}.html";
        return System.IO.File.Exists(path) ? PhysicalFile(path, "text/html") : NotFound();
    }
}
