// family: process
// verdict: vulnerable
// sink-line: 23
// why: ArgumentList does not help when the argument is a bash -c script: the branch name is part of the script text that bash parses.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V02;

public static class RepoEndpoints
{
    public static void MapRepoLog(this WebApplication app)
    {
        app.MapGet("/repo/log", (string branch) =>
        {
            var psi = new ProcessStartInfo("/bin/bash")
            {
                RedirectStandardOutput = true,
                WorkingDirectory = "/srv/repos/main",
            };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add("git log --oneline -n 20 " + branch);
            using var git = Process.Start(psi)!;
            string log = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return Results.Text(log);
        });
    }
}
