// family: process
// verdict: safe
// why: A bound bool only chooses whether the constant `-v` is added; everything else passed to rsync is constant.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.S17;

[ApiController]
[Route("api/sync")]
public sealed class SyncController : ControllerBase
{
    [HttpPost]
    public IActionResult Sync([FromQuery] bool verbose = false, [FromQuery] bool dryRun = true)
    {
        var psi = new ProcessStartInfo("/usr/bin/rsync") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-a");
        if (verbose)
        {
            psi.ArgumentList.Add("-v");
        }

        if (dryRun)
        {
            psi.ArgumentList.Add("--dry-run");
        }

        psi.ArgumentList.Add("/srv/data/");
        psi.ArgumentList.Add("backup@backup.internal:/data/");
        using var rsync = Process.Start(psi)!;
        return Ok(rsync.StandardOutput.ReadToEnd());
    }
}
