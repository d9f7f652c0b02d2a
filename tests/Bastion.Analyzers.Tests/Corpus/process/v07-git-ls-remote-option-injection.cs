// family: process
// verdict: vulnerable
// sink-line: 22
// why: A repository URL starting with `--upload-pack=` is read by git as an option that runs a command, and nothing stops a leading dash here.
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V07;

public sealed record MirrorCheck(string RepositoryUrl);

public static class MirrorEndpoints
{
    public static void MapMirrors(this WebApplication app)
    {
        app.MapPost("/mirrors/check", async (MirrorCheck check) =>
        {
            var psi = new ProcessStartInfo("/usr/bin/git") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("ls-remote");
            psi.ArgumentList.Add(check.RepositoryUrl);
            using var git = Process.Start(psi)!;
            await git.WaitForExitAsync();
            return git.ExitCode == 0 ? Results.Ok("reachable") : Results.BadRequest("unreachable");
        });
    }
}
