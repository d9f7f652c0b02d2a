// family: process
// verdict: vulnerable
// sink-line: 20
// why: The [FromRoute] domain is appended to a cmd /c nslookup command line, where `&` or `|` start new commands.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.V15;

[ApiController]
[Route("api/dns")]
public sealed class DnsController : ControllerBase
{
    [HttpGet("{domain}")]
    public async Task<IActionResult> Lookup([FromRoute] string domain)
    {
        var psi = new ProcessStartInfo("cmd.exe")
        {
            Arguments = "/c nslookup " + domain,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(psi)!;
        string answer = await process.StandardOutput.ReadToEndAsync();
        return Ok(answer);
    }
}
