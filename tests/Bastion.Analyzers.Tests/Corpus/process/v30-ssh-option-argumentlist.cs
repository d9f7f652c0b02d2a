// family: process
// verdict: vulnerable
// sink-line: 21
// why: The target host is added to ssh's ArgumentList before any `--`, so `-oProxyCommand=...` is taken as an option that runs a local command.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.V30;

[ApiController]
[Route("api/deploy")]
public sealed class DeployController : ControllerBase
{
    [HttpPost("{host}/uptime")]
    public async Task<IActionResult> Uptime(string host)
    {
        var ssh = new ProcessStartInfo("/usr/bin/ssh") { RedirectStandardOutput = true };
        ssh.ArgumentList.Add("-o");
        ssh.ArgumentList.Add("BatchMode=yes");
        ssh.ArgumentList.Add(host);
        ssh.ArgumentList.Add("uptime");
        using var process = Process.Start(ssh)!;
        return Ok(await process.StandardOutput.ReadToEndAsync());
    }
}
