// family: process
// verdict: vulnerable
// sink-line: 19
// why: A method-group handler concatenates its `user` argument into a PowerShell command string, so `; Remove-Item ...` runs too.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V19;

public static class DirectoryHandlers
{
    public static void Map(WebApplication app) => app.MapGet("/directory/users/{user}/groups", GetGroups);

    public static async Task<IResult> GetGroups(string user)
    {
        string command = "Get-ADPrincipalGroupMembership " + user + " | Select-Object -ExpandProperty Name";
        var psi = new ProcessStartInfo("powershell.exe", "-NoProfile -Command " + command) { RedirectStandardOutput = true };
        using var ps = Process.Start(psi)!;
        string groups = await ps.StandardOutput.ReadToEndAsync();
        return Results.Ok(groups.Split('\n'));
    }
}
