// family: process
// verdict: vulnerable
// sink-line: 22
// why: Removing `;` and `&` leaves `|`, backticks, `$(...)` and newlines, so the host value still injects into the sh -c command.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.V18;

[ApiController]
[Route("api/network")]
public sealed class NetworkController : ControllerBase
{
    private static string Clean(string value) => value.Replace(";", string.Empty).Replace("&", string.Empty);

    [HttpGet("ping")]
    public IActionResult Ping([FromQuery] string host)
    {
        string safeHost = Clean(host);
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"ping -c 1 {safeHost}");
        using var process = Process.Start(psi)!;
        return Ok(process.StandardOutput.ReadToEnd());
    }
}
