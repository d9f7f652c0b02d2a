// family: process
// verdict: vulnerable
// sink-line: 19
// why: With UseShellExecute the request's document value is handed to the OS shell, which opens or runs whatever the path or URL names.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.V06;

[ApiController]
[Route("api/kiosk")]
public sealed class KioskController : ControllerBase
{
    [HttpPost("open")]
    public IActionResult Open([FromForm] string document)
    {
        var start = new ProcessStartInfo
        {
            FileName = document,
            UseShellExecute = true,
        };
        Process.Start(start);
        return Accepted();
    }
}
