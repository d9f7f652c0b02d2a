// family: process
// verdict: vulnerable
// sink-line: 17
// why: The folder from the query string is appended to a `cmd.exe /c` command, and `&` in it chains any other command.
using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Corpus.Processes.V03;

[ApiController]
[Route("api/shares")]
public sealed class SharesController : ControllerBase
{
    [HttpGet("listing")]
    public IActionResult Listing([FromQuery] string folder)
    {
        var info = new ProcessStartInfo("cmd.exe", "/c dir /b D:\\shares\\" + folder)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var cmd = Process.Start(info)!;
        string listing = cmd.StandardOutput.ReadToEnd();
        cmd.WaitForExit();
        return Ok(listing.Split('\n'));
    }
}
