// family: process
// verdict: safe
// why: The hub method runs a constant command line and streams its output back; the client's argument only selects how many lines are sent, as an int.
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

namespace Corpus.Processes.S24;

public sealed class OpsHub : Hub
{
    public async Task<IReadOnlyList<string>> TopProcesses(int count)
    {
        var psi = new ProcessStartInfo("/usr/bin/ps", "-eo pid,comm,%cpu --sort=-%cpu") { RedirectStandardOutput = true };
        using var ps = Process.Start(psi)!;
        var lines = new List<string>();
        string? line;
        while ((line = await ps.StandardOutput.ReadLineAsync()) is not null && lines.Count < count)
        {
            lines.Add(line);
        }

        return lines;
    }
}
