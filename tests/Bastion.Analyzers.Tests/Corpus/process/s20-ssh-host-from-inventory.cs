// family: process
// verdict: safe
// why: The route only carries a numeric server id; the ssh target is read from a server-side inventory and passed after `--`.
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.S20;

[ApiController]
[Route("api/deploy")]
public sealed class DeployController : ControllerBase
{
    private static readonly IReadOnlyDictionary<int, string> Inventory = new Dictionary<int, string>
    {
        [1] = "deploy@web-1.internal",
        [2] = "deploy@web-2.internal",
    };

    [HttpPost("{serverId:int}/uptime")]
    public async Task<IActionResult> Uptime(int serverId)
    {
        if (!Inventory.TryGetValue(serverId, out string? target))
        {
            return NotFound();
        }

        var ssh = new ProcessStartInfo("/usr/bin/ssh") { RedirectStandardOutput = true };
        foreach (string arg in new[] { "-o", "BatchMode=yes", "--", target, "uptime" })
        {
            ssh.ArgumentList.Add(arg);
        }

        using var process = Process.Start(ssh)!;
        return Ok(await process.StandardOutput.ReadToEndAsync());
    }
}
