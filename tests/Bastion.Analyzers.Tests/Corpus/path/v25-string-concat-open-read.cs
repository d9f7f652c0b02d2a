// family: path
// verdict: vulnerable
// sink-line: 19
// why: The file path is built by concatenating the root, a slash and the query values, so `..` segments in them are followed.
using System.IO;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Paths.V25;

[ApiController]
[Route("api/manuals")]
public sealed class ManualsController : ControllerBase
{
    private readonly string _root = "/srv/manuals";

    [HttpGet]
    public FileStreamResult Get([FromQuery] string product, [FromQuery] string file)
    {
        FileStream stream = System.IO.File.OpenRead(_root + "/" + product + "/" + file);
        return File(stream, "application/pdf");
    }
}
