// family: process
// verdict: safe
// why: The requested format is mapped to constant pandoc arguments by a switch that refuses unknown values, and the input path is built from an int id.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.S10;

[ApiController]
[Route("api/documents")]
public sealed class ExportController : ControllerBase
{
    [HttpPost("{id:int}/export")]
    public IActionResult Export(int id, [FromQuery] string format)
    {
        string[]? target = format switch
        {
            "pdf" => ["--to=pdf", "--output=/srv/out/doc.pdf"],
            "html" => ["--to=html5", "--output=/srv/out/doc.html"],
            "docx" => ["--to=docx", "--output=/srv/out/doc.docx"],
            _ => null,
        };
        if (target is null)
        {
            return BadRequest("unsupported format");
        }

        var psi = new ProcessStartInfo("/usr/bin/pandoc", [.. target, "--", $"/srv/docs/{id}.md"]) { UseShellExecute = false };
        using var pandoc = Process.Start(psi)!;
        pandoc.WaitForExit();
        return pandoc.ExitCode == 0 ? Ok() : StatusCode(500);
    }
}
