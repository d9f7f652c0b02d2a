// family: process
// verdict: vulnerable
// sink-line: 18
// why: A helper builds a `sh -c` script around the directory name from the route, and the handler runs it, so the name can end the quoted word and add commands.
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Corpus.Processes.V08;

public static class BackupEndpoints
{
    public static void MapBackups(this WebApplication app)
    {
        app.MapPost("/backups/{project}", (string project) =>
        {
            string script = BackupScript(project);
            using var sh = Process.Start("/bin/sh", script);
            sh.WaitForExit();
            return sh.ExitCode == 0 ? Results.Ok() : Results.StatusCode(500);
        });
    }

    private static string BackupScript(string project)
        => "-c \"tar czf /backups/" + project + ".tgz -C /srv/projects " + project + "\"";
}
