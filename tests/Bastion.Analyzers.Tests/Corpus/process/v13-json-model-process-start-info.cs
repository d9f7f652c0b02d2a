// family: process
// verdict: vulnerable
// sink-line: 25
// why: The Format property of the posted JSON object is interpolated into a `sh -c` conversion command.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.V13;

public sealed class ConvertRequest
{
    public int DocumentId { get; set; }
    public string Format { get; set; } = "pdf";
}

[ApiController]
[Route("api/documents")]
public sealed class ConversionController : ControllerBase
{
    [HttpPost("convert")]
    public IActionResult Convert([FromBody] ConvertRequest request)
    {
        string input = $"/srv/docs/{request.DocumentId}.docx";
        string command = $"-c \"soffice --headless --convert-to {request.Format} --outdir /srv/out {input}\"";
        using var soffice = Process.Start(new ProcessStartInfo("/bin/sh", command) { UseShellExecute = false });
        soffice?.WaitForExit();
        return Ok();
    }
}
