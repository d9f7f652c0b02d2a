// family: process
// verdict: safe
// why: The line count is bound as an int and clamped, the file is a constant, and tail runs without a shell, so the request only chooses a number.
using System;
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.S05;

[ApiController]
[Route("api/logs")]
public sealed class LogsController : ControllerBase
{
    [HttpGet("tail")]
    public IActionResult Tail([FromQuery] int lines = 50)
    {
        int count = Math.Clamp(lines, 1, 1000);
        var psi = new ProcessStartInfo("/usr/bin/tail", $"-n {count} /var/log/app/current.log")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var tail = Process.Start(psi)!;
        return Content(tail.StandardOutput.ReadToEnd(), "text/plain");
    }
}
