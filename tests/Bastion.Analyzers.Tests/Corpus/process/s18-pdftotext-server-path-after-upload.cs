// family: process
// verdict: safe
// why: pdftotext gets only server-built paths (a Guid file name) in ArgumentList; the upload's content is data for the program, not part of its command line.
using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.S18;

[ApiController]
[Route("api/pdf")]
public sealed class PdfTextController : ControllerBase
{
    [HttpPost("text")]
    public async Task<IActionResult> Extract(IFormFile pdf)
    {
        string id = Guid.NewGuid().ToString("N");
        string input = Path.Combine("/srv/tmp", id + ".pdf");
        string output = Path.Combine("/srv/tmp", id + ".txt");
        await using (var file = System.IO.File.Create(input))
        {
            await pdf.CopyToAsync(file);
        }

        var psi = new ProcessStartInfo("/usr/bin/pdftotext") { UseShellExecute = false };
        psi.ArgumentList.Add(input);
        psi.ArgumentList.Add(output);
        using var process = Process.Start(psi)!;
        await process.WaitForExitAsync();
        return Ok(await System.IO.File.ReadAllTextAsync(output));
    }
}
